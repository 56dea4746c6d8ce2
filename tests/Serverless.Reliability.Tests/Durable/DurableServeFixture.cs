using Serverless.Durable.Embedded.AzureStorage;
using Serverless.Serve;
using Serverless.Serve.Tests;
using Serverless.Api;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Reliability.Tests.Durable;

/// <summary>
/// <c>flows serve --backend azurestorage</c> in this process, on the collection's Azurite, with its own
/// container prefix (and so its own task hub).
/// </summary>
public sealed class DurableServeFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string Key = "durable-key-0123456789";

    private ServeHost? _host;

    public ApiClient Client { get; private set; } = null!;

    public string Prefix { get; } = AzuriteFixture.NewContainerPrefix();

    public async Task InitializeAsync()
    {
        _host = await ServeHost.StartAsync(new ServeOptions
        {
            Port = 0,
            Storage = azurite.ConnectionString,
            Backend = DurableBackend.AzureStorage,
            ContainerPrefix = Prefix,
            ApiKey = Key,
            Modules = [],
            Api = new ApiOptions { FollowInterval = TimeSpan.FromMilliseconds(100) },
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
    }
}
