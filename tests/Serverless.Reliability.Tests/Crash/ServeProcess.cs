using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Serverless.Reliability.Tests.Crash;

/// <summary>
/// <c>flows serve --backend azurestorage</c> (or another backend) as a separate process (the built CLI, run with <c>dotnet flows.dll</c>),
/// so a test can <c>kill -9</c> it. Ready when it prints its base URL on stdout.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>False once the process has exited (crashed, or was killed).</summary>
    public bool IsRunning => !_process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ServeProcess> StartAsync(string connectionString, int port, string apiKey, IReadOnlyDictionary<string, string>? environment = null, string backend = "azurestorage")
    {
        var cli = CliPath();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { cli, "serve", "--backend", backend, "--storage", connectionString, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", apiKey })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var serve = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) =>
        {
            serve.Append("out", e.Data);
            if (e.Data?.StartsWith("http", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult(new Uri(e.Data));
            }
        };
        process.ErrorDataReceived += (_, e) => serve.Append("err", e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("flows serve exited before it was ready:\n" + serve.Output));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    /// <summary>The CLI's own build output, recorded by the project file at build time.</summary>
    private static string CliPath()
    {
        var path = typeof(ServeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FlowsCli").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException($"flows.dll is not at {path}: build Serverless.Cli first (dotnet build Serverless.sln).", path);
    }

    /// <summary>SIGKILL to the host and every process it started (scripts included): nothing gets to clean up.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(stream).Append(": ").AppendLine(line);
        }
    }
}
