using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

[Collection(TaskEngineCollection.Name)]
public sealed class KvTaskTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task SetThenGet_ValueAndKvFunction_ReturnStoredValue()
    {
        var execution = await fixture.RunAsync("""
            id: kv_roundtrip
            namespace: kv.roundtrip
            tasks:
              - id: set
                type: io.kestra.plugin.core.kv.Set
                key: settings
                value:
                  retries: 3
                  region: westeurope
              - id: get
                type: io.kestra.plugin.core.kv.Get
                key: settings
              - id: fn
                type: io.kestra.plugin.core.debug.Return
                format: "{{ kv('settings').region }}-{{ kv('missing', errorOnMissing=false) ?? 'none' }}"
              - id: keys
                type: io.kestra.plugin.core.kv.GetKeys
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var value = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(execution.Run("get").Outputs!["value"]);
        Assert.Equal(3L, value["retries"]);
        Assert.Equal("westeurope-none", execution.Run("fn").Outputs!["value"]);
        Assert.Equal(["settings"], ((IReadOnlyList<object?>)execution.Run("keys").Outputs!["keys"]!).Cast<string>());
    }

    [Fact]
    public async Task Set_WithTtl_ExpiresWhenClockPassesIt()
    {
        await fixture.RunAsync("""
            id: kv_ttl_set
            namespace: kv.ttl
            tasks:
              - id: set
                type: io.kestra.plugin.core.kv.Set
                key: token
                value: short-lived
                ttl: PT1H
            """);
        const string Read = """
            id: kv_ttl_get
            namespace: kv.ttl
            tasks:
              - id: get
                type: io.kestra.plugin.core.kv.Get
                key: token
            """;

        var before = await fixture.RunAsync(Read);
        fixture.KvClock.Advance(TimeSpan.FromHours(2));
        var after = await fixture.RunAsync(Read);

        Assert.Equal("short-lived", before.Run("get").Outputs!["value"]);
        Assert.Null(after.Run("get").Outputs!["value"]);
    }

    [Fact]
    public async Task Set_OverwriteFalseOnExistingKey_Fails()
    {
        var execution = await fixture.RunAsync("""
            id: kv_overwrite
            namespace: kv.overwrite
            tasks:
              - id: first
                type: io.kestra.plugin.core.kv.Set
                key: once
                value: 1
              - id: second
                type: io.kestra.plugin.core.kv.Set
                key: once
                value: 2
                overwrite: false
            """);

        Assert.Equal(State.FAILED, execution.Run("second").State.Current);
    }

    [Fact]
    public async Task Get_SiblingNamespace_IsRefused()
    {
        var execution = await fixture.RunAsync("""
            id: kv_sibling
            namespace: kv.team_a
            tasks:
              - id: get
                type: io.kestra.plugin.core.kv.Get
                key: anything
                namespace: kv.team_b
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains(fixture.LogsOf(execution), l => l.Level == "ERROR"
            && l.Message.Contains("namespace 'kv.team_b' is not accessible from flows of 'kv.team_a'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetAndDelete_ChildNamespace_IsAllowed()
    {
        var execution = await fixture.RunAsync("""
            id: kv_child
            namespace: kv.parent
            tasks:
              - id: set
                type: io.kestra.plugin.core.kv.Set
                key: k
                value: v
                namespace: kv.parent.child
              - id: delete
                type: io.kestra.plugin.core.kv.Delete
                key: k
                namespace: kv.parent.child
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(true, execution.Run("delete").Outputs!["deleted"]);
    }
}
