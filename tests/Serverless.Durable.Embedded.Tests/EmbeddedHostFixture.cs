using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Embedded;

namespace Serverless.Durable.Embedded.Tests;

/// <summary>One embedded host shared by every test in the collection: starting one per test would dominate.</summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    private EmbeddedDurableHost? _host;

    public EmbeddedDurableHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public TestProbe Probe => Host.Services.GetRequiredService<TestProbe>();

    public async Task InitializeAsync() =>
        _host = await EmbeddedDurableHost.StartAsync(
            TestTasks.Register,
            services => services.AddSingleton<TestProbe>());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedHostCollection : ICollectionFixture<EmbeddedHostFixture>
{
    public const string Name = "Embedded durable host";
}
