using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

/// <summary>
/// Task types and forms Kestra keeps for old flows: Echo, LocalFiles, labels as JSON text, <c>when</c>; and
/// the Assert task.
/// </summary>
[Collection(TaskEngineCollection.Name)]
public sealed class LegacyTaskTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task Echo_LegacyName_LogsFormatAtLevel()
    {
        var execution = await fixture.RunAsync("""
            id: echo
            namespace: legacy.tasks
            tasks:
              - id: warn
                type: io.kestra.core.tasks.debugs.Echo
                format: "hello {{ task.id }}"
                level: WARN
              - id: info
                type: io.kestra.plugin.core.debug.Echo
                format: plain
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var logs = fixture.LogsOf(execution);
        Assert.Contains(logs, l => l.TaskId == "warn" && l.Level == "WARN" && l.Message == "hello warn");
        Assert.Contains(logs, l => l.TaskId == "info" && l.Level == "INFO" && l.Message == "plain");
        Assert.Null(execution.Run("warn").Outputs);
    }

    [Fact]
    public async Task Assert_AllConditionsTrue_Succeeds()
    {
        var execution = await fixture.RunAsync("""
            id: assert_ok
            namespace: legacy.tasks
            tasks:
              - id: check
                type: io.kestra.plugin.core.execution.Assert
                conditions:
                  - "{{ 42 == 42 }}"
                  - "{{ 'a' ~ 'b' }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
    }

    [Fact]
    public async Task Assert_FalsyAndUnrenderableConditions_FailNamingEach()
    {
        var execution = await fixture.RunAsync("""
            id: assert_ko
            namespace: legacy.tasks
            tasks:
              - id: check
                type: io.kestra.plugin.core.execution.Assert
                errorMessage: "checks on {{ flow.id }}"
                conditions:
                  - "{{ 42 == 42 }}"
                  - "{{ 1 + 1 == 3 }}"
                  - "{{ null }}"
                  - "{{ outputs.missing.value }}"
              - id: after
                type: io.kestra.plugin.core.debug.Return
                format: never
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(["check"], execution.TaskIds());
        var errors = fixture.LogsOf(execution).Where(l => l.TaskId == "check" && l.Level == "ERROR").Select(l => l.Message).ToList();
        Assert.Contains(errors, m => m.Contains("3 assertions failed!", StringComparison.Ordinal)
            && m.Contains("`{{ 1 + 1 == 3 }}`", StringComparison.Ordinal) && m.Contains("checks on assert_ko", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.StartsWith("Assertion `{{ outputs.missing.value }}` failed, failed to render", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, m => m.Contains("`{{ 42 == 42 }}`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalFiles_InWorkingDirectory_WritesInputsAndUploadsOutputs()
    {
        var execution = await fixture.RunAsync("""
            id: local_files
            namespace: legacy.tasks
            tasks:
              - id: wd
                type: io.kestra.core.tasks.flows.WorkingDirectory
                tasks:
                  - id: write
                    type: io.kestra.core.tasks.storages.LocalFiles
                    inputs:
                      out/hello.txt: "Hello {{ flow.id }}"
                      out/skip.log: ignored
                  - id: collect
                    type: io.kestra.plugin.core.storage.LocalFiles
                    outputs:
                      - out/*.txt
              - id: read
                type: io.kestra.plugin.core.debug.Return
                format: "{{ read(outputs.collect.uris['out/hello.txt']) }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var uris = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(execution.Run("collect").Outputs!["uris"]);
        Assert.Equal(["out/hello.txt"], uris.Keys);
        Assert.Equal("Hello local_files", await fixture.ReadInternalAsync((string)uris["out/hello.txt"]!));
        Assert.Equal("Hello local_files", execution.Run("read").Outputs!["value"]);
    }

    [Fact]
    public async Task Labels_JsonTextWithDuplicateKey_LastValueWins()
    {
        var execution = await fixture.RunAsync("""
            id: labels_json
            namespace: legacy.tasks
            tasks:
              - id: from_string
                type: io.kestra.core.tasks.executions.Labels
                labels: "{ \"k\": \"v1\", \"k\": \"v2\", \"other\": \"x\" }"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal("v2", Assert.Single(execution.Labels, l => l.Key == "k").Value);
        Assert.Contains(execution.Labels, l => l.Key == "other" && l.Value == "x");
    }

    [Fact]
    public async Task When_FalseCondition_SkipsRunnableAndFlowable()
    {
        var execution = await fixture.RunAsync("""
            id: task_when
            namespace: legacy.tasks
            tasks:
              - id: output
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  n: 1
              - id: executed
                type: io.kestra.plugin.core.log.Log
                when: "{{ outputs.output['values']['n'] == 1 }}"
                message: yes
              - id: notexecuted
                type: io.kestra.plugin.core.log.Log
                when: "{{ outputs.output['values']['n'] == 2 }}"
                message: no
              - id: notexecutedflowable
                type: io.kestra.plugin.core.flow.Sequential
                when: "false"
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.log.Log
                    message: no
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(State.SUCCESS, execution.StateOf("executed"));
        Assert.Equal(State.SKIPPED, execution.StateOf("notexecuted"));
        Assert.Equal(State.SKIPPED, execution.StateOf("notexecutedflowable"));
        Assert.Empty(execution.Runs("inner"));
    }
}
