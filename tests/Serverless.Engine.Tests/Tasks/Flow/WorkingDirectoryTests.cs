using Serverless.Engine.Executions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks.Flow;

[Collection(FlowTaskCollection.Name)]
public sealed class WorkingDirectoryTests(FlowTaskFixture fixture)
{
    [Fact]
    public async Task WorkingDirectory_FileWrittenByOneTask_IsReadByTheNext()
    {
        var execution = await fixture.RunAsync("""
            id: wd_share
            namespace: tests.wd
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: write
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "hello from write" > shared.txt
                      - echo "::{\"outputs\":{\"dir\":\"$(pwd)\"}}::"
                  - id: read
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - cat shared.txt
                      - echo "::{\"outputs\":{\"dir\":\"$(pwd)\",\"previous\":\"{{ outputs.write.vars.dir }}\"}}::"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["wd", "write", "read"], execution.TaskIds());
        var wd = execution.Run("wd");
        Assert.All(execution.TaskRunList.Skip(1), r => Assert.Equal(wd.Id, r.ParentTaskRunId));
        Assert.Contains("hello from write", fixture.LogMessages(execution.Id));
        var read = (IReadOnlyDictionary<string, object?>)execution.Run("read").Outputs!["vars"]!;
        Assert.Equal(read["dir"], read["previous"]);
        Assert.Single(execution.Run("read").Attempts);
    }

    [Fact]
    public async Task WorkingDirectory_OutputFilesAndInputFiles_AreTheGroupsOwn()
    {
        var execution = await fixture.RunAsync("""
            id: wd_files
            namespace: tests.wd
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                inputFiles:
                  seed.txt: "seed {{ flow.id }}"
                outputFiles:
                  - "*.csv"
                tasks:
                  - id: first
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - "{ cat seed.txt; echo; } > result.csv"
                  - id: second
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo more >> result.csv
                      - echo ignored > notes.txt
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var files = (IReadOnlyDictionary<string, object?>)execution.Run("wd").Outputs!["outputFiles"]!;
        var uri = (string)Assert.Single(files, f => f.Key == "result.csv").Value!;
        Assert.Single(files);
        Assert.Contains("/wd/", uri, StringComparison.Ordinal);
        Assert.Equal("seed wd_files\nmore\n", await fixture.ReadInternalAsync(uri));
    }

    [Fact]
    public async Task WorkingDirectory_FailingTask_StopsTheRestAndFailsTheGroup()
    {
        var execution = await fixture.RunAsync("""
            id: wd_fail
            namespace: tests.wd
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                outputFiles: ["*.txt"]
                tasks:
                  - id: tolerated
                    type: io.kestra.plugin.scripts.shell.Commands
                    allowFailure: true
                    commands: ["exit 3"]
                  - id: broken
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands: ["echo partial > out.txt", "exit 1"]
                  - id: never
                    type: io.kestra.plugin.core.log.Log
                    message: never
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: after
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(["wd", "tolerated", "broken"], execution.TaskIds());
        Assert.Equal(State.WARNING, execution.StateOf("tolerated"));
        Assert.Equal(State.FAILED, execution.StateOf("broken"));
        Assert.Equal(State.FAILED, execution.StateOf("wd"));
        Assert.Null(execution.Run("wd").Outputs);
        Assert.Contains("Command failed with exit code 1", fixture.LogMessages(execution.Id));
        Assert.DoesNotContain("never", fixture.LogMessages(execution.Id));
    }

    [Fact]
    public async Task WorkingDirectory_RetryOfATask_RunsInsideTheGroupInTheSameFolder()
    {
        var execution = await fixture.RunAsync("""
            id: wd_retry
            namespace: tests.wd
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: flaky
                    type: io.kestra.plugin.scripts.shell.Commands
                    retry:
                      type: constant
                      interval: PT0.01S
                      maxAttempt: 3
                    commands:
                      - echo x >> attempts.txt
                      - test "$(wc -l < attempts.txt)" -ge 3
                      - echo "attempt {{ taskrun.attemptsCount }} env $KESTRA_TASKRUN_ATTEMPT"
                  - id: count
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "lines=$(wc -l < attempts.txt)"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var flaky = execution.Run("flaky");
        Assert.Equal([State.FAILED, State.FAILED, State.SUCCESS], flaky.Attempts.Select(a => a.State.Current));
        var logs = fixture.LogMessages(execution.Id);
        Assert.Contains("attempt 2 env 3", logs);
        Assert.Contains("lines=3", logs);
    }

    [Fact]
    public async Task WorkingDirectory_InsideForEach_KeysOutputsByValueAndSeesSiblings()
    {
        var execution = await fixture.RunAsync("""
            id: wd_foreach
            namespace: tests.wd
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: ["a", "b"]
                tasks:
                  - id: wd
                    type: io.kestra.plugin.core.flow.WorkingDirectory
                    tasks:
                      - id: first
                        type: io.kestra.plugin.core.debug.Return
                        format: "first-{{ taskrun.value }}"
                      - id: second
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ outputs.first[taskrun.value].value }}+second"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["first-a+second", "first-b+second"], execution.Runs("second").Select(r => r.Outputs!["value"]).Order());
        Assert.All(execution.Runs("second"), r => Assert.NotNull(r.Value));
    }

    [Fact]
    public void Parse_FlowableChildInWorkingDirectory_IsRejected()
    {
        var result = FlowParser.Default.Parse("""
            id: wd_invalid
            namespace: tests.wd
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: nested
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: log
                        type: io.kestra.plugin.core.log.Log
                        message: hi
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("wd.tasks.nested", error.Path);
        Assert.Contains("only runnable tasks are allowed", error.Message, StringComparison.Ordinal);
    }
}
