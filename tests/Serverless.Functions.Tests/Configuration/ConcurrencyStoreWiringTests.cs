using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Azure.Concurrency;
using Serverless.Functions.Configuration;
using Serverless.Functions.Http;

namespace Serverless.Functions.Tests.Configuration;

/// <summary>With <c>FlowsStorage</c> set, concurrency slots live in Table Storage so every instance sees the same limit.</summary>
public sealed class ConcurrencyStoreWiringTests
{
    [Fact]
    public void Container_WithFlowsStorage_UsesTheTableSlotStore()
    {
        using var services = Build(new Dictionary<string, string?> { ["FlowsStorage"] = "UseDevelopmentStorage=true" });

        Assert.IsType<TableConcurrencySlotStore>(services.GetRequiredService<IConcurrencySlotStore>());
    }

    [Fact]
    public void Container_WithoutFlowsStorage_KeepsSlotsInMemory()
    {
        using var services = Build([]);

        Assert.IsType<InMemoryConcurrencySlotStore>(services.GetRequiredService<IConcurrencySlotStore>());
    }

    [Fact]
    public void Container_TriggersFunctions_ResolvesWithABackfillCapableApi()
    {
        using var services = Build(new Dictionary<string, string?> { ["FlowsStorage"] = "UseDevelopmentStorage=true" });

        Assert.NotNull(ActivatorUtilities.CreateInstance<TriggersFunctions>(services));
        Assert.Contains(ApiRoutes.All, r => r.Name == ApiRoutes.TriggersBackfill && r.Method == "PUT");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFlowsFunctions(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
