using System.Diagnostics;

namespace Serverless.Infra.Tests.Azd;

/// <summary>
/// Runs infra/hooks/postprovision.sh from a scratch copy of the repository layout, with a recording
/// stand-in for <c>az</c> first on PATH so a real Azure CLI on the machine is never called.
/// </summary>
public sealed class PostprovisionHookTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("infra-hook-").FullName;

    [Fact]
    public async Task Postprovision_AzureCliMissing_SkipsAndSucceeds()
    {
        var script = CopyHook();
        var emptyPath = Directory.CreateDirectory(Path.Combine(_scratch, "nothing")).FullName;

        var (exitCode, output) = await RunAsync(script, emptyPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("not found; skipping", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postprovision_WithExamples_UploadsFlowsAndNamespaceFilesWithEntraAuth()
    {
        var script = CopyHook();
        var examples = Directory.CreateDirectory(Path.Combine(_scratch, "repo", "examples")).FullName;
        await File.WriteAllTextAsync(Path.Combine(examples, "hello.yaml"), "id: hello\n");
        var files = Directory.CreateDirectory(Path.Combine(examples, "files", "company.team")).FullName;
        await File.WriteAllTextAsync(Path.Combine(files, "query.sql"), "select 1\n");
        var bin = Directory.CreateDirectory(Path.Combine(_scratch, "bin")).FullName;
        var log = Path.Combine(_scratch, "az.log");
        await WriteFakeAzAsync(bin, log);

        var (exitCode, output) = await RunAsync(script, $"{bin}:/usr/bin:/bin");
        var calls = await File.ReadAllLinesAsync(log);

        Assert.True(exitCode == 0, output);
        Assert.Equal(2, calls.Length);
        Assert.All(calls, c => Assert.Contains("storage blob upload-batch --auth-mode login --account-name stflows", c, StringComparison.Ordinal));
        Assert.Contains("--destination flows --source", calls[0], StringComparison.Ordinal);
        Assert.Contains("--destination namespace-files --source " + Path.Combine(examples, "files"), calls[1], StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string CopyHook()
    {
        var hooks = Directory.CreateDirectory(Path.Combine(_scratch, "repo", "infra", "hooks")).FullName;
        var script = Path.Combine(hooks, "postprovision.sh");
        File.Copy(RepositoryRoot.Combine("infra", "hooks", "postprovision.sh"), script);
        return script;
    }

    private static async Task WriteFakeAzAsync(string bin, string log)
    {
        var az = Path.Combine(bin, "az");
        await File.WriteAllTextAsync(az, $"#!/bin/sh\necho \"$*\" >> '{log}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(az, File.GetUnixFileMode(az) | UnixFileMode.UserExecute);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, string path)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["PATH"] = path;
        start.Environment["AZURE_STORAGE_ACCOUNT_NAME"] = "stflows";
        start.Environment.Remove("AZURE_STORAGE_FLOWS_CONTAINER");
        start.Environment.Remove("AZURE_STORAGE_NAMESPACE_FILES_CONTAINER");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
