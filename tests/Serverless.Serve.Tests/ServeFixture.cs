using Serverless.Serve;
using Serverless.Api;

namespace Serverless.Serve.Tests;

/// <summary>
/// A real <c>flows serve</c> on a free port with local storage in a temporary folder and a known API key.
/// Tests talk to it over HTTP and isolate their data with <see cref="NewNamespace"/>.
/// </summary>
public class ServeFixture : IAsyncLifetime
{
    public const string Key = "test-key-0123456789";

    private ServeHost? _host;

    public ServeHost Host => _host ?? throw new InvalidOperationException("The server has not started.");

    public ApiClient Client { get; private set; } = null!;

    public string Root { get; } = Directory.CreateTempSubdirectory("flows-serve-").FullName;

    /// <summary>A namespace no other test uses.</summary>
    public static string NewNamespace() => "test.n" + Guid.NewGuid().ToString("N")[..10];

    protected virtual ServeOptions Options() => new()
    {
        Port = 0,
        LocalRoot = Root,
        ApiKey = Key,
        Modules = [],
        ConsoleLogging = Environment.GetEnvironmentVariable("FLOWS_TEST_SERVE_LOGS") == "1",
        Api = new ApiOptions { MaxFlowBytes = 64 * 1024, MaxFileBytes = 1024 * 1024, FollowInterval = TimeSpan.FromMilliseconds(50) },
    };

    public async Task InitializeAsync()
    {
        _host = await ServeHost.StartAsync(Options());
        Client = new ApiClient(_host.Address, Key);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}
