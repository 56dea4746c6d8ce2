using Serverless.Engine.Executions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Storage;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

[Collection(TaskEngineCollection.Name)]
public sealed class ScriptFileTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task NamespaceFiles_IncludeAndExclude_MaterialiseOnlyMatchingFiles()
    {
        await fixture.WriteNamespaceFileAsync("files.include", "main.py", "print('main')");
        await fixture.WriteNamespaceFileAsync("files.include", "lib/util.py", "x = 1");
        await fixture.WriteNamespaceFileAsync("files.include", "lib/skip_me.py", "x = 2");
        await fixture.WriteNamespaceFileAsync("files.include", "data/readme.md", "docs");
        await fixture.WriteNamespaceFileAsync("files", "parent.txt", "not inherited");

        var execution = await fixture.RunAsync("""
            id: ns_files
            namespace: files.include
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                namespaceFiles:
                  enabled: true
                  include:
                    - "**.py"
                  exclude:
                    - "**/skip_*"
                commands:
                  - find . -type f | sort | tr '\n' ' '
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var listing = Assert.Single(fixture.LogsOf(execution), l => l.Level == "INFO").Message;
        Assert.Equal("./lib/util.py ./main.py", listing.Trim());
    }

    [Fact]
    public async Task NamespaceFiles_Disabled_WorkingDirectoryIsEmpty()
    {
        await fixture.WriteNamespaceFileAsync("files.disabled", "main.py", "print('main')");

        var execution = await fixture.RunAsync("""
            id: ns_disabled
            namespace: files.disabled
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "count=$(find . -type f | wc -l)"
            """);

        Assert.Contains(fixture.LogsOf(execution), l => l.Message == "count=0");
    }

    [Fact]
    public async Task InputFiles_InlineAndKestraUri_AreWrittenIntoWorkingDirectory()
    {
        var execution = await fixture.RunAsync("""
            id: input_files
            namespace: files.inputs
            tasks:
              - id: write
                type: io.kestra.plugin.core.storage.Write
                content: from-storage
                extension: .txt
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  inline.txt: "inline {{ flow.id }}"
                  nested/stored.txt: "{{ outputs.write.uri }}"
                commands:
                  - cat inline.txt; echo
                  - cat nested/stored.txt; echo
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var messages = fixture.LogsOf(execution).Select(l => l.Message).ToList();
        Assert.Contains("inline input_files", messages);
        Assert.Contains("from-storage", messages);
    }

    [Fact]
    public async Task OutputFiles_Globs_UploadMatchingFilesAsKestraUris()
    {
        var execution = await fixture.RunAsync("""
            id: output_files
            namespace: files.outputs
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles:
                  - "*.csv"
                  - "reports/**"
                commands:
                  - echo a,b > data.csv
                  - echo ignored > notes.txt
                  - mkdir -p reports/2026 && echo deep > reports/2026/r.txt
              - id: read
                type: io.kestra.plugin.core.debug.Return
                format: "{{ read(outputs.sh.outputFiles['data.csv']) | trim }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var files = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(execution.Run("sh").Outputs!["outputFiles"]);
        Assert.Equal(["data.csv", "reports/2026/r.txt"], files.Keys.Order(StringComparer.Ordinal));
        var uri = (string)files["data.csv"]!;
        Assert.StartsWith("kestra:///files/outputs/output_files/executions/" + execution.Id + "/tasks/sh/", uri, StringComparison.Ordinal);
        Assert.Equal("a,b\n", await fixture.ReadInternalAsync(uri));
        Assert.Equal("deep\n", await fixture.ReadInternalAsync((string)files["reports/2026/r.txt"]!));
        Assert.Equal("a,b", execution.Run("read").Outputs!["value"]);
    }

    [Fact]
    public async Task OutputFiles_SymlinkLeadingOutside_FailsTask()
    {
        var outside = Path.Join(fixture.Root, "outside-secret.txt");
        await File.WriteAllTextAsync(outside, "host file");

        var execution = await fixture.RunAsync($"""
            id: output_symlink
            namespace: files.attacks
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles:
                  - "*.txt"
                commands:
                  - ln -s {outside} leak.txt
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains(fixture.LogsOf(execution), l => l.Level == "ERROR" && l.Message.Contains("symbolic link leads outside", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/etc/escape.txt")]
    [InlineData("dir\\\\escape.txt")]
    public void InputFiles_UnsafeName_IsRejectedAtValidation(string name)
    {
        var result = FlowParser.Default.Parse($$"""
            id: input_attack
            namespace: files.attacks
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  "{{name}}": boom
                commands:
                  - ls
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("sh.inputFiles", error.Path);
        Assert.Contains("input file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InputFiles_UnsafeNameFromExpression_FailsAtRunTime()
    {
        var execution = await fixture.RunAsync("""
            id: input_attack_runtime
            namespace: files.attacks
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles: '{"../../escape.txt": "boom"}'
                commands:
                  - ls
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains(fixture.LogsOf(execution), l => l.Level == "ERROR" && l.Message.Contains("'..' segments are not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InputFiles_KestraUriOfAnotherNamespace_IsRefused()
    {
        var scope = new StorageScope("other.team", "flow", "exec1");
        using var content = new MemoryStream("theirs"u8.ToArray());
        var uri = await fixture.Stores.InternalStorage.PutAsync(scope, "data.txt", content);

        var execution = await fixture.RunAsync($"""
            id: input_other_ns
            namespace: files.attacks
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  stolen.txt: "{uri}"
                commands:
                  - cat stolen.txt
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains(fixture.LogsOf(execution), l => l.Level == "ERROR" && l.Message.Contains("outside namespace 'files.attacks'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../*.txt")]
    [InlineData("/etc/*")]
    [InlineData("a/../../b")]
    public void OutputFiles_GlobEscapingWorkingDirectory_IsRejectedAtValidation(string glob)
    {
        var result = FlowParser.Default.Parse($"""
            id: output_attack
            namespace: files.attacks
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles:
                  - "{glob}"
                commands:
                  - ls
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("sh.outputFiles", error.Path);
    }

    [Theory]
    [InlineData("io.kestra.plugin.scripts.runner.docker.Docker")]
    [InlineData("io.kestra.core.models.tasks.runners.types.DockerTaskRunner")]
    public void TaskRunner_Docker_IsRejectedAtValidationWithAdvice(string runner)
    {
        var result = FlowParser.Default.Parse($"""
            id: docker_runner
            namespace: company.team
            tasks:
              - id: py
                type: io.kestra.plugin.scripts.python.Commands
                taskRunner:
                  type: {runner}
                commands:
                  - python --version
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("py.taskRunner.type", error.Path);
        Assert.Contains("Docker task runners are not available in a serverless worker", error.Message, StringComparison.Ordinal);
        Assert.Contains("io.kestra.plugin.core.runner.Process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LegacyRunner_Docker_IsRejectedAtValidation()
    {
        var result = FlowParser.Default.Parse("""
            id: legacy_runner
            namespace: company.team
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                runner: DOCKER
                commands:
                  - ls
            """);

        Assert.Equal("sh.runner", Assert.Single(result.Errors).Path);
    }
}
