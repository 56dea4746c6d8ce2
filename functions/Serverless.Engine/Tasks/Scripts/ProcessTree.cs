using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// Finds and kills every process a script started, including children that outlived their parent. On Linux
/// a process belongs to the script when it is in the script's session (the shell is started with
/// <c>setsid</c>), descends from a member, or carries the run's token in its environment — the last catches
/// daemons that double-forked and called <c>setsid</c> themselves. Members are frozen with SIGSTOP until the
/// set stops growing (a stopped process cannot fork), then killed with SIGKILL.
/// </summary>
/// <remarks>
/// Only processes of this user are visible in <c>/proc/*/environ</c>; a script that clears its environment
/// and leaves the session escapes the token and session checks but is still found through its parent if
/// the parent is alive. Elsewhere than Linux, <see cref="Process.Kill(bool)"/> on the tree is the fallback.
/// </remarks>
internal static partial class ProcessTree
{
    private const int SigKill = 9;
    private const int SigStop = 19;
    private const int MaxRounds = 50;

    /// <summary>Kills the script rooted at <paramref name="root"/> and everything it started; returns how many processes were killed.</summary>
    public static int KillAll(Process root, string token, long rootStartTime)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            KillFallback(root);
            return 0;
        }

        var rootPid = root.Id;

        // Once the root has exited its pid may be reused by an unrelated process; its session id stays valid.
        var includeRoot = !root.HasExited;
        var frozen = new HashSet<int>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var fresh = Members(rootPid, includeRoot, token, rootStartTime, frozen).Where(pid => !frozen.Contains(pid)).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            foreach (var pid in fresh)
            {
                _ = NativeMethods.Kill(pid, SigStop);
                frozen.Add(pid);
            }
        }

        foreach (var pid in frozen)
        {
            _ = NativeMethods.Kill(pid, SigKill);
        }

        return frozen.Count;
    }

    /// <summary>Live (non-zombie) processes that belong to the script, by session, ancestry or token.</summary>
    /// <remarks>Only processes started no earlier than the root can carry its token, so older ones are not read.</remarks>
    public static HashSet<int> Members(int rootPid, bool includeRoot, string token, long rootStartTime, IReadOnlySet<int> known)
    {
        var self = Environment.ProcessId;
        var processes = Snapshot();
        var members = new HashSet<int>();
        foreach (var p in processes.Values)
        {
            if (p.Pid != self && p.State != 'Z'
                && ((includeRoot && p.Pid == rootPid) || p.SessionId == rootPid || known.Contains(p.Pid) || (p.StartTime >= rootStartTime && HasToken(p.Pid, token))))
            {
                members.Add(p.Pid);
            }
        }

        // Descendants of members, to a fixed point (a child of a child that left the session).
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var p in processes.Values)
            {
                if (p.Pid != self && p.State != 'Z' && !members.Contains(p.Pid) && members.Contains(p.ParentPid))
                {
                    grew |= members.Add(p.Pid);
                }
            }
        }

        return members;
    }

    private static Dictionary<int, ProcInfo> Snapshot()
    {
        var result = new Dictionary<int, ProcInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadStat(pid) is { } info)
            {
                result[pid] = info;
            }
        }

        return result;
    }

    /// <summary>Parses <c>/proc/pid/stat</c>: <c>pid (comm) state ppid pgrp session …</c>; comm may hold spaces and parentheses.</summary>
    private static ProcInfo? ReadStat(int pid)
    {
        var stat = ReadText($"/proc/{pid}/stat");
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 3
            && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid)
            && int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var session)
            ? new ProcInfo(pid, ppid, session, fields[0][0], fields.Length > 19 && long.TryParse(fields[19], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : long.MaxValue)
            : null;
    }

    private static bool HasToken(int pid, string token) =>
        ReadText($"/proc/{pid}/environ").Contains(token, StringComparison.Ordinal);

    private static string ReadText(string path)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty; // the process ended, or belongs to another user
        }
    }

    private static void KillFallback(Process root)
    {
        try
        {
            root.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    /// <summary>When <paramref name="pid"/> started, in clock ticks since boot (0 when unknown: every process is then checked).</summary>
    public static long StartTime(int pid) =>
        OperatingSystem.IsLinux() && ReadStat(pid) is { StartTime: var start and not long.MaxValue } ? start : 0;

    /// <summary>One line of <c>/proc/pid/stat</c>; <see cref="StartTime"/> is <see cref="long.MaxValue"/> when unreadable, so the token is checked.</summary>
    private sealed record ProcInfo(int Pid, int ParentPid, int SessionId, char State, long StartTime);

    private static partial class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
