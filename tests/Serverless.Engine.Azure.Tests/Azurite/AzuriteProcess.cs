using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Serverless.Engine.Azure.Tests.Azurite;

/// <summary>
/// An Azurite started by the tests: in-memory, in its own temporary folder, on ports picked free.
/// Disposal asks it to stop (SIGTERM), waits a grace period, then kills the process tree, because
/// Azurite may wait for connected clients before it exits.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);
    private const int StartAttempts = 3;

    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly StringBuilder _output = new();

    private AzuriteProcess(Process process, string workDirectory, AzuriteEndpoints endpoints)
    {
        _process = process;
        _workDirectory = workDirectory;
        Endpoints = endpoints;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <summary>Starts Azurite from <c>node_modules/.bin</c> under <paramref name="repositoryRoot"/> and waits until its blob endpoint answers.</summary>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot)
    {
        var executable = Path.Join(repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: '{executable}' is missing. Run 'npm ci' in '{repositoryRoot}' (needs Node.js) and run the tests again.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var azurite = Launch(executable);
            try
            {
                await azurite.WaitUntilReadyAsync();
                return azurite;
            }
            catch (Exception) when (attempt < StartAttempts && azurite._process.HasExited)
            {
                // Most likely a picked port was taken in the meantime: try again on new ports.
                await azurite.DisposeAsync();
            }
            catch
            {
                await azurite.DisposeAsync();
                throw;
            }
        }
    }

    private static AzuriteProcess Launch(string executable)
    {
        var ports = FreePorts(3);
        var workDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo()),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo()),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo()),
            "--skipApiVersionCheck", "--silent", "--inMemoryPersistence", "--extentMemoryLimit", "256",
            "--loose", "--disableTelemetry",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{executable}'.");
        var azurite = new AzuriteProcess(process, workDirectory, AzuriteEndpoints.ForPorts(ports[0], ports[1], ports[2]));
        process.OutputDataReceived += (_, e) => azurite.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return azurite;
    }

    /// <summary>Polls the blob endpoint until it answers; fails early with Azurite's output if the process exits.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before answering. Output:\n{Output}");
            }

            if (await AzuriteEndpoints.AnswersAsync(Endpoints.Blob, requireAzurite: true))
            {
                return;
            }

            // Poll interval while the server starts; readiness is decided by the endpoint answering.
            using var poll = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await _process.WaitForExitAsync(poll.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        throw new TimeoutException($"Azurite did not answer at {Endpoints.Blob} within {StartDeadline.TotalSeconds:0} s. Output:\n{Output}");
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static IFormatProvider CultureInfo() => System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>Ports the OS reports free: all listeners stay open until every port is picked, so they differ.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}
