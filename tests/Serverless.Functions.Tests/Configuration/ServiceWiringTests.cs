using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Activities;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Triggers;
using Serverless.Functions.Configuration;
using Serverless.Functions.Orchestration;
using Serverless.Functions.Triggers;

namespace Serverless.Functions.Tests.Configuration;

/// <summary>The app's container resolves every function class (what the worker does per invocation).</summary>
public sealed class ServiceWiringTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("functions-wiring-").FullName;
    private readonly ServiceProvider _services;

    public ServiceWiringTests()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(Serverless.Engine.Storage.LocalStores.Create(_root));
        services.AddFlowsFunctions(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Theory]
    [InlineData(typeof(TaskActivityFunctions))]
    [InlineData(typeof(ScheduleFunction))]
    [InlineData(typeof(BlobTriggerFunction))]
    [InlineData(typeof(QueueTriggerFunction))]
    [InlineData(typeof(FlowOrchestrationFunction))]
    public void Container_FunctionClass_Resolves(Type function)
    {
        Assert.NotNull(ActivatorUtilities.CreateInstance(_services, function));
    }

    [Fact]
    public void Container_Listeners_IncludeTriggersConcurrencyAndRecords()
    {
        var listeners = _services.GetServices<IExecutionListener>().Select(l => l.GetType().Name).ToList();

        Assert.Contains(nameof(FlowTriggerListener), listeners);
        Assert.Contains(nameof(StopAfterListener), listeners);
        Assert.Contains(nameof(ConcurrencyReleaseListener), listeners);
        Assert.Contains("ExecutionRecordListener", listeners);
    }

    [Fact]
    public void Container_SchedulerInFunctions_HasNoBackgroundService()
    {
        Assert.DoesNotContain(_services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is SchedulerService);
    }

    [Fact]
    public void ClientSource_BeforeAnyBinding_SaysSo()
    {
        var source = _services.GetRequiredService<FunctionsDurableClientSource>();

        var error = Assert.Throws<InvalidOperationException>(() => source.Client);
        Assert.Contains("No Durable client", error.Message);
        Assert.Same(source, _services.GetRequiredService<IDurableClientSource>());
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
