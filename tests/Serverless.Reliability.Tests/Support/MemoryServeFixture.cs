using Serverless.Serve;
using Serverless.Serve.Tests;
using Serverless.Api;

namespace Serverless.Reliability.Tests;

/// <summary>
/// A real <c>flows serve</c> (in-memory backend, local storage in a temporary folder) on a free port, with
/// small body limits so oversized-body tests stay cheap.
/// </summary>
public sealed class MemoryServeFixture : IAsyncLifetime
{
    public const string Key = "reliability-key-0123456789";

    /// <summary>Flow bodies above this answer 413.</summary>
    public const int MaxFlowBytes = 64 * 1024;

    /// <summary>JSON bodies above this answer 413.</summary>
    public const int MaxJsonBytes = 64 * 1024;

    private ServeHost? _host;

    public ApiClient Client { get; private set; } = null!;

    public Uri Address => _host!.Address;

    public string Root { get; } = Directory.CreateTempSubdirectory("flows-reliability-").FullName;

    public async Task InitializeAsync()
    {
        _host = await ServeHost.StartAsync(new ServeOptions
        {
            Port = 0,
            Storage = "local:" + Root,
            LocalRoot = Root,
            ApiKey = Key,
            Modules = [],
            Api = new ApiOptions { MaxFlowBytes = MaxFlowBytes, MaxJsonBytes = MaxJsonBytes, MaxFileBytes = 256 * 1024, FollowInterval = TimeSpan.FromMilliseconds(50) },
        });
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
