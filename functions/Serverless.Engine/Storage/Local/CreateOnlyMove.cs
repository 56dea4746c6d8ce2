using System.Runtime.InteropServices;

namespace Serverless.Engine.Storage;

/// <summary>
/// Moves a finished temporary file to a path that must not exist yet, atomically: exactly one of several
/// concurrent writers wins. <see cref="File.Move(string, string, bool)"/> without overwrite checks for the
/// target and then renames on Unix, so two writers can both "win" (found by the concurrent flow-save test);
/// a hard link fails with EEXIST instead, in one step.
/// </summary>
internal static class CreateOnlyMove
{
    private const int EExist = 17;

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/>; false (source left in place) when the target exists.</summary>
    public static bool TryMove(string source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            return TryFileMove(source, target); // MoveFileEx without REPLACE_EXISTING is already atomic
        }

        if (NativeMethods.Link(source, target) == 0)
        {
            File.Delete(source);
            return true;
        }

        // A file system without hard links: the best the platform offers.
        return Marshal.GetLastPInvokeError() != EExist && TryFileMove(source, target);
    }

    private static bool TryFileMove(string source, string target)
    {
        try
        {
            File.Move(source, target, overwrite: false);
            return true;
        }
        catch (IOException) when (Path.Exists(target))
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Link(string existing, string created);
    }
}
