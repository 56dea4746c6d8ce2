using System.Net;
using System.Text;

namespace Serverless.Serve.Tests;

public sealed class WebhookTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private readonly ApiClient _anonymous = new(serve.Host.Address, key: null);

    private static string Hooked(string ns) => $$$"""
        id: hooked
        namespace: {{{ns}}}
        tasks:
          - id: echo
            type: io.kestra.plugin.core.debug.Return
            format: "{{ trigger.body.name }} {{ trigger.parameters.color[0] }} {{ trigger.headers['x-thing'][0] }}"
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: s3cret-key
          - id: picky
            type: io.kestra.plugin.core.trigger.Webhook
            key: picky-key
            conditions:
              - type: io.kestra.plugin.core.condition.ExpressionCondition
                expression: "{{ trigger.body.name == 'ok' }}"
        """;

    [Fact]
    public async Task Webhook_GoodKey_StartsExecutionWithBodyHeadersAndParameters()
    {
        var ns = ServeFixture.NewNamespace();
        await serve.Client.CreateFlowAsync(Hooked(ns));

        var answer = await _anonymous.SendAsync(
            HttpMethod.Post,
            $"api/v1/executions/webhook/{ns}/hooked/s3cret-key?color=blue",
            new StringContent("""{"name":"Ada"}""", Encoding.UTF8, "application/json"),
            r => r.Headers.Add("X-Thing", "gizmo"));
        var ended = await serve.Host.Engine.Executions.WaitAsync(answer.Json.GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Ada blue gizmo", ended.TaskRunList[0].Outputs!["value"]);
    }

    [Fact]
    public async Task Webhook_WrongKey_Returns404()
    {
        var ns = ServeFixture.NewNamespace();
        await serve.Client.CreateFlowAsync(Hooked(ns));

        var answer = await _anonymous.GetAsync($"api/v1/executions/webhook/{ns}/hooked/wrong-key");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Webhook_UnknownFlow_Returns404WithSameMessageShape()
    {
        var answer = await _anonymous.GetAsync($"api/v1/executions/webhook/{ServeFixture.NewNamespace()}/ghost/s3cret-key");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.StartsWith("No webhook", answer.Message);
    }

    [Fact]
    public async Task Webhook_ConditionFalse_Returns422AndStartsNothing()
    {
        var ns = ServeFixture.NewNamespace();
        await serve.Client.CreateFlowAsync(Hooked(ns));

        var refused = await _anonymous.SendAsync(HttpMethod.Put, $"api/v1/executions/webhook/{ns}/hooked/picky-key", new StringContent("""{"name":"no"}""", Encoding.UTF8, "application/json"));
        var accepted = await _anonymous.SendAsync(HttpMethod.Put, $"api/v1/executions/webhook/{ns}/hooked/picky-key", new StringContent("""{"name":"ok"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
    }
}
