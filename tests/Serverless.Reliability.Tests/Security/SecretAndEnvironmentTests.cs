using System.Text;
using Serverless.Serve.Tests;

namespace Serverless.Reliability.Tests.Security;

/// <summary>
/// Secrets never appear in logs, task outputs, execution JSON or error messages — also when printed line by
/// line or base64-encoded — and scripts never see the host's credentials.
/// </summary>
public sealed class SecretAndEnvironmentTests(SecretServeFixture serve) : IClassFixture<SecretServeFixture>
{
    private ApiClient Client => serve.Client;

    [Fact]
    public async Task Secrets_PrintedReturnedAndFailedWith_AreMaskedEverywhere()
    {
        await Client.CreateFlowAsync("""
            id: leaky
            namespace: sec.secrets
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "token={{ secret('RELIABILITY_TOKEN') }}"
              - id: ret
                type: io.kestra.plugin.core.debug.Return
                format: "{{ secret('RELIABILITY_TOKEN') }} and {{ secret('RELIABILITY_PEM') }}"
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  TOKEN: "{{ secret('RELIABILITY_TOKEN') }}"
                  PEM: "{{ secret('RELIABILITY_PEM') }}"
                commands:
                  - echo "plain $TOKEN"
                  - printf '%s' "$TOKEN" | base64
                  - echo "$PEM"
                  - echo "$TOKEN" >&2
                  - echo '::{"outputs":{"leak":"'"$TOKEN"'"}}::'
              - id: fail
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  TOKEN: "{{ secret('RELIABILITY_TOKEN') }}"
                commands:
                  - echo "failing with $TOKEN" >&2
                  - exit 3
            errors:
              - id: report
                type: io.kestra.plugin.core.log.Log
                message: "failed: {{ errorLogs() | join(' ') }} {{ secret('RELIABILITY_TOKEN') }}"
            """);

        var execution = await Client.RunAsync("sec.secrets", "leaky");
        var id = execution.GetProperty("id").GetString()!;
        var stored = await Client.GetAsync($"api/v1/executions/{id}");
        var logs = await Client.GetAsync($"api/v1/logs/{id}");

        Assert.Equal("FAILED", execution.GetProperty("state").GetProperty("current").GetString());
        Assert.Contains("******", logs.Body, StringComparison.Ordinal);
        foreach (var text in new[] { execution.ToString(), stored.Body, logs.Body })
        {
            AssertNoSecret(text);
        }
    }

    [Fact]
    public async Task Script_Environment_HasNoHostCredentials()
    {
        await Client.CreateFlowAsync("""
            id: env
            namespace: sec.env
            tasks:
              - id: dump
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - env
                  - env | base64 -w0
            """);

        var execution = await Client.RunAsync("sec.env", "env");
        var logs = await Client.GetAsync($"api/v1/logs/{execution.GetProperty("id").GetString()}");

        Assert.Equal("SUCCESS", execution.GetProperty("state").GetProperty("current").GetString());
        Assert.Contains("KESTRA_EXECUTION_ID", logs.Body, StringComparison.Ordinal);
        var decoded = DecodeBase64Lines(logs.Body);
        foreach (var (name, value) in SecretServeFixture.HostVariables)
        {
            Assert.DoesNotContain(name + "=", logs.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(value, logs.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(name + "=", decoded, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("SECRET_RELIABILITY", decoded, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(SecretServeFixture.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(SecretServeFixture.Token)), text, StringComparison.Ordinal);
        foreach (var line in SecretServeFixture.Pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, text.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\u002B", "+", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    private static string DecodeBase64Lines(string logsJson)
    {
        var sb = new StringBuilder();
        foreach (var entry in System.Text.Json.JsonDocument.Parse(logsJson).RootElement.EnumerateArray())
        {
            var message = entry.GetProperty("message").GetString() ?? "";
            try
            {
                sb.Append(Encoding.UTF8.GetString(Convert.FromBase64String(message.Trim())));
            }
            catch (FormatException)
            {
            }
        }

        return sb.ToString();
    }
}
