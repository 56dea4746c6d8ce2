using System.Diagnostics;
using System.Text.Json;

namespace Serverless.Functions.Tests.Publish;

/// <summary>
/// Publishes the Functions app once for the test class into a temporary folder (with its own artifacts
/// folder, reused between runs so the publish is incremental) and reads <c>functions.metadata</c>.
/// </summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public string PublishDirectory { get; } = Path.Combine(Path.GetTempPath(), "serverless-functions-publish-" + Environment.ProcessId);

    /// <summary>Each function in <c>functions.metadata</c> by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Functions { get; private set; } = new Dictionary<string, JsonElement>();

    public async Task InitializeAsync()
    {
        var project = RepositoryRoot.Combine("functions", "Serverless.Functions", "Serverless.Functions.csproj");
        var artifacts = Path.Combine(Path.GetTempPath(), "serverless-functions-publish-artifacts");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var arg in new[] { "publish", project, "-o", PublishDirectory, "--artifacts-path", artifacts, "-nologo", "-v:q" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PublishDirectory, "functions.metadata")));
        Functions = metadata.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(PublishDirectory))
        {
            Directory.Delete(PublishDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
