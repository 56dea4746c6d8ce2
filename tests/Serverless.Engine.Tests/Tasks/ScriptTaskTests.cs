using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

[Collection(TaskEngineCollection.Name)]
public sealed class ScriptTaskTests(TaskEngineFixture fixture)
{
    private static string Flow(string id, string tasks, string ns = "company.team") =>
        $"id: {id}\nnamespace: {ns}\ntasks:\n{tasks}";

    [Fact]
    public async Task ShellCommands_OutputProtocolLine_SetsVarsAndExitCode()
    {
        var execution = await fixture.RunAsync(Flow("shell_vars", """
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - echo '::{"outputs":{"greeting":"hello","count":3}}::'
                  - echo '::{"outputs":{"more":[1,2]}}::'
            """));

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var outputs = execution.Run("sh").Outputs!;
        var vars = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(outputs["vars"]);
        Assert.Equal("hello", vars["greeting"]);
        Assert.Equal(3L, vars["count"]);
        Assert.Equal(2, Assert.IsAssignableFrom<IReadOnlyList<object?>>(vars["more"]).Count);
        Assert.Equal(0L, outputs["exitCode"]);
    }

    [Fact]
    public async Task PythonScript_PrintsOutputs_VarsAreTyped()
    {
        var execution = await fixture.RunAsync(Flow("python_vars", """
              - id: py
                type: io.kestra.plugin.scripts.python.Script
                script: |
                  import json
                  print("::" + json.dumps({"outputs": {"answer": 42, "name": "py"}}) + "::")
              - id: use
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.py.vars.answer + 1 }}"
            """));

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(42L, ((IReadOnlyDictionary<string, object?>)execution.Run("py").Outputs!["vars"]!)["answer"]);
        Assert.Equal("43", execution.Run("use").Outputs!["value"]);
    }

    [Fact]
    public async Task ShellCommands_MetricsAndLogsProtocol_RecordsMetricsAndLogsAtLevel()
    {
        var execution = await fixture.RunAsync(Flow("shell_metrics", """
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo '::{"metrics":[{"name":"rows","type":"counter","value":7}]}::'
                  - echo '::{"logs":[{"level":"WARN","message":"careful now"}]}::'
                  - echo plain line
                  - echo oops >&2
            """));

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var metric = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(
            Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<object?>>(execution.Run("sh").Outputs!["metrics"])));
        Assert.Equal("rows", metric["name"]);
        Assert.Equal(7L, metric["value"]);
        var logs = fixture.LogsOf(execution);
        Assert.Contains(logs, l => l.Level == "WARN" && l.Message == "careful now");
        Assert.Contains(logs, l => l.Level == "INFO" && l.Message == "plain line");
        Assert.Contains(logs, l => l.Level == "ERROR" && l.Message == "oops");
        Assert.DoesNotContain(logs, l => l.Message.Contains("::{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShellCommands_NonZeroExit_FailsWithExitCode()
    {
        var execution = await fixture.RunAsync(Flow("shell_exit", """
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo '::{"outputs":{"before":true}}::'
                  - exit 3
                  - echo never
            """));

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(3L, execution.Run("sh").Outputs!["exitCode"]);
        var logs = fixture.LogsOf(execution);
        Assert.Contains(logs, l => l.Level == "ERROR" && l.Message == "Command failed with exit code 3");
        Assert.DoesNotContain(logs, l => l.Message == "never");
    }

    [Fact]
    public async Task ShellCommands_FailFastDefault_StopsAtFirstFailingCommand()
    {
        var execution = await fixture.RunAsync(Flow("shell_failfast", """
              - id: strict
                type: io.kestra.plugin.scripts.shell.Commands
                allowFailure: true
                commands:
                  - "false"
                  - echo after-strict
              - id: lenient
                type: io.kestra.plugin.scripts.shell.Commands
                failFast: false
                commands:
                  - "false"
                  - echo after-lenient
            """));

        Assert.Equal(State.WARNING, execution.Run("strict").State.Current); // allowFailure: WARNING, as Kestra records it
        Assert.Equal(State.SUCCESS, execution.Run("lenient").State.Current);
        var messages = fixture.LogsOf(execution).Select(l => l.Message).ToList();
        Assert.DoesNotContain("after-strict", messages);
        Assert.Contains("after-lenient", messages);
    }

    [Fact]
    public async Task BeforeCommands_RunInSameShellSession_AsCommands()
    {
        var execution = await fixture.RunAsync(Flow("shell_session", """
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                beforeCommands:
                  - GREETING=from-before
                  - cd sub 2>/dev/null || mkdir sub && cd sub
                commands:
                  - echo "::{\"outputs\":{\"greeting\":\"$GREETING\",\"dir\":\"$(basename $PWD)\"}}::"
            """));

        var vars = (IReadOnlyDictionary<string, object?>)execution.Run("sh").Outputs!["vars"]!;
        Assert.Equal("from-before", vars["greeting"]);
        Assert.Equal("sub", vars["dir"]);
    }

    [Fact]
    public async Task Commands_Environment_HasKestraIdsAndTaskEnv()
    {
        var execution = await fixture.RunAsync(Flow("shell_env", """
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  MY_VAR: "{{ 'rendered' | upper }}"
                commands:
                  - echo "::{\"outputs\":{\"exec\":\"$KESTRA_EXECUTION_ID\",\"run\":\"$KESTRA_TASKRUN_ID\",\"attempt\":\"$KESTRA_TASKRUN_ATTEMPT\",\"mine\":\"$MY_VAR\"}}::"
            """));

        var vars = (IReadOnlyDictionary<string, object?>)execution.Run("sh").Outputs!["vars"]!;
        Assert.Equal(execution.Id, vars["exec"]);
        Assert.Equal(execution.Run("sh").Id, vars["run"]);
        Assert.Equal("1", vars["attempt"]);
        Assert.Equal("RENDERED", vars["mine"]);
    }

    [Fact]
    public async Task Commands_HostCredentials_AreNotVisibleToScript()
    {
        Environment.SetEnvironmentVariable("AZURE_CLIENT_SECRET", "host-secret-value");
        Environment.SetEnvironmentVariable("AzureWebJobsStorage", "UseDevelopmentStorage=true");
        Environment.SetEnvironmentVariable("SECRET_SHOULD_NOT_PASS", "c2VjcmV0");
        Environment.SetEnvironmentVariable("FLOWS_UNLISTED_HOST_VAR", "x");
        try
        {
            var execution = await fixture.RunAsync(Flow("shell_scrub", """
                  - id: sh
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - env | cut -d= -f1 | sort | tr '\n' ' '
                """));

            var line = Assert.Single(fixture.LogsOf(execution), l => l.Level == "INFO" && l.Message.Contains("PATH", StringComparison.Ordinal)).Message;
            var names = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain("AZURE_CLIENT_SECRET", names);
            Assert.DoesNotContain("AzureWebJobsStorage", names);
            Assert.DoesNotContain("SECRET_SHOULD_NOT_PASS", names);
            Assert.DoesNotContain("FLOWS_UNLISTED_HOST_VAR", names);
            Assert.Contains("PATH", names);
            Assert.Contains("KESTRA_EXECUTION_ID", names);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AZURE_CLIENT_SECRET", null);
            Environment.SetEnvironmentVariable("AzureWebJobsStorage", null);
            Environment.SetEnvironmentVariable("SECRET_SHOULD_NOT_PASS", null);
            Environment.SetEnvironmentVariable("FLOWS_UNLISTED_HOST_VAR", null);
        }
    }

    [Fact]
    public async Task ContainerImage_UnderProcessRunner_IsIgnoredWithWarning()
    {
        var execution = await fixture.RunAsync(Flow("shell_image", """
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: ubuntu:22.04
                commands:
                  - echo ran
            """));

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Contains(fixture.LogsOf(execution), l => l.Level == "WARN" && l.Message.Contains("containerImage 'ubuntu:22.04' is ignored", StringComparison.Ordinal));
    }
}
