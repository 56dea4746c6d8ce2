using Serverless.Engine.Executions;
using Serverless.Engine.Secrets;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

[Collection(TaskEngineCollection.Name)]
public sealed class SecretTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task Secret_DecodedValue_ReachesScriptButIsMaskedInLogsAndOutputs()
    {
        var execution = await fixture.RunAsync("""
            id: secret_mask
            namespace: company.team
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  TOKEN: "{{ secret('API_TOKEN') }}"
                commands:
                  - echo "token is $TOKEN"
                  - echo "length ${#TOKEN}"
                  - printf '%s' "$TOKEN" | base64
                  - echo "::{\"outputs\":{\"leak\":\"$TOKEN\"}}::"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var messages = fixture.LogsOf(execution).Select(l => l.Message).ToList();
        Assert.Contains("token is ******", messages);
        Assert.Contains("length 14", messages);
        Assert.Contains("******", messages);
        Assert.DoesNotContain(messages, m => m.Contains(TaskEngineFixture.Secrets["API_TOKEN"], StringComparison.Ordinal));
        Assert.Equal("******", ((IReadOnlyDictionary<string, object?>)execution.Run("sh").Outputs!["vars"]!)["leak"]);
    }

    [Fact]
    public async Task Secret_MultiLineValue_EachLineIsMasked()
    {
        var execution = await fixture.RunAsync("""
            id: secret_lines
            namespace: company.team
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  KEY: "{{ secret('PEM_KEY') }}"
                commands:
                  - echo "$KEY"
            """);

        var messages = fixture.LogsOf(execution).Select(l => l.Message).ToList();
        Assert.DoesNotContain(messages, m => m.Contains("line-one-secret", StringComparison.Ordinal) || m.Contains("line-two-secret", StringComparison.Ordinal));
        Assert.Contains("******", messages);
    }

    [Fact]
    public async Task Secret_Unknown_FailsWithVariableToSet()
    {
        var execution = await fixture.RunAsync("""
            id: secret_missing
            namespace: company.team
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "{{ secret('NOPE') }}"
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains(fixture.LogsOf(execution), l => l.Level == "ERROR" && l.Message.Contains("SECRET_NOPE", StringComparison.Ordinal));
    }

    [Fact]
    public void Masker_ValueBase64AndShortValues_MasksLongFormsOnly()
    {
        var masker = new SecretMasker();
        masker.Add("hunter2-long");
        masker.Add("ab");

        Assert.Equal("pw=******", masker.Mask("pw=hunter2-long"));
        Assert.Equal("b64=******", masker.Mask("b64=" + Convert.ToBase64String("hunter2-long"u8.ToArray())));
        Assert.Equal("ab stays", masker.Mask("ab stays"));
    }

    [Fact]
    public void MaskValue_NestedOutputs_MasksEveryString()
    {
        var masker = new SecretMasker();
        masker.Add("s3cr3t-value");
        var outputs = new Dictionary<string, object?>
        {
            ["list"] = new List<object?> { "a s3cr3t-value b", 1L },
            ["map"] = new Dictionary<string, object?> { ["k"] = "s3cr3t-value" },
        };

        var masked = (IReadOnlyDictionary<string, object?>)masker.MaskValue(outputs)!;

        Assert.Equal("a ****** b", ((IReadOnlyList<object?>)masked["list"]!)[0]);
        Assert.Equal("******", ((IReadOnlyDictionary<string, object?>)masked["map"]!)["k"]);
    }

    [Fact]
    public async Task EnvironmentStore_Base64Variable_DecodesByUpperCaseName()
    {
        var variables = new System.Collections.Hashtable { ["SECRET_MY_KEY"] = Convert.ToBase64String("value-123"u8.ToArray()) };
        var masker = new SecretMasker();
        var store = new EnvironmentSecretStore(variables, masker);

        Assert.Equal("value-123", await store.GetAsync("ns", "my_key"));
        Assert.Null(await store.GetAsync("ns", "other"));
        Assert.Equal("******", masker.Mask("value-123"));
    }
}
