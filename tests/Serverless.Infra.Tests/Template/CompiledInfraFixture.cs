using Serverless.Infra.Tests.Bicep;

namespace Serverless.Infra.Tests.Template;

/// <summary>
/// Compiles <c>infra/main.bicep</c> once for every test of the collection (a compile takes seconds).
/// </summary>
public sealed class CompiledInfraFixture : IAsyncLifetime
{
    public const string MainBicep = "infra/main.bicep";

    private ArmTemplate? _template;

    internal BicepResult Build { get; private set; } = new(-1, string.Empty, "not built");

    internal ArmTemplate Template => _template
        ?? throw new InvalidOperationException($"{MainBicep} did not compile: {Build}");

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync("build", MainBicep, "--stdout");
        if (Build.ExitCode == 0)
        {
            _template = ArmTemplate.Parse(Build.StandardOutput);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Tests that read the compiled main template share one compile.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfraFixture>
{
    public const string Name = "Compiled infra";
}
