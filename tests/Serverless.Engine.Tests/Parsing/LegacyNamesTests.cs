using Serverless.Engine.Parsing;
using Serverless.Engine.Tasks.Core;
using Serverless.Engine.Tasks.Flow;
using Serverless.Engine.Tasks.Storage;

namespace Serverless.Engine.Tests.Parsing;

/// <summary>Kestra's pre-0.17 type names, and the renamed task and flow properties, still parse.</summary>
public sealed class LegacyNamesTests
{
    [Theory]
    [InlineData("io.kestra.core.tasks.debugs.Return", typeof(ReturnTask))]
    [InlineData("io.kestra.core.tasks.debugs.Echo", typeof(EchoTask))]
    [InlineData("io.kestra.core.tasks.storages.LocalFiles", typeof(LocalFilesTask))]
    [InlineData("io.kestra.core.tasks.storages.Concat", typeof(ConcatTask))]
    [InlineData("io.kestra.core.tasks.storages.Delete", typeof(DeleteTask))]
    [InlineData("io.kestra.core.tasks.storages.Size", typeof(SizeTask))]
    [InlineData("io.kestra.core.tasks.executions.Labels", typeof(LabelsTask))]
    [InlineData("io.kestra.core.tasks.flows.Worker", typeof(WorkingDirectoryTask))]
    public void Find_KestraLegacyName_ResolvesToTheCurrentType(string legacyName, Type expected)
    {
        var type = FlowParser.Default.TaskTypes.Find(legacyName);

        Assert.NotNull(type);
        Assert.IsType(expected, type);
        Assert.NotEqual(legacyName, type.Name);
    }

    [Fact]
    public void Parse_When_IsReadAsRunIf()
    {
        var flow = FlowParser.Default.ParseValid("""
            id: when
            namespace: tests
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                when: "{{ 1 == 2 }}"
                message: hi
            """);

        Assert.Equal("{{ 1 == 2 }}", flow.Tasks.Single().RunIf);
    }

    [Fact]
    public void Parse_WhenAndRunIfTogether_IsAnErrorOnWhen()
    {
        var result = FlowParser.Default.Parse("""
            id: both
            namespace: tests
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                runIf: "true"
                when: "false"
                message: hi
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("tasks[0].when", error.Path);
        Assert.Equal(7, error.Position.Line);
    }

    [Fact]
    public void Parse_TaskDefaultsAndPluginDefaultsTogether_IsAnError()
    {
        var result = FlowParser.Default.Parse("""
            id: both_defaults
            namespace: tests
            pluginDefaults:
              - type: io.kestra.plugin.core.log.Log
                values: { level: WARN }
            taskDefaults:
              - type: io.kestra.plugin.core.log.Log
                values: { level: ERROR }
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("taskDefaults", error.Path);
    }

    [Fact]
    public void Parse_TaskDefaults_AreAppliedLikePluginDefaults()
    {
        var flow = FlowParser.Default.ParseValid("""
            id: defaults
            namespace: tests
            taskDefaults:
              - type: io.kestra.core.tasks.debugs.Echo
                values:
                  format: from defaults
                  level: WARN
            tasks:
              - id: t
                type: io.kestra.core.tasks.debugs.Echo
                level: ERROR
            """);

        var task = flow.Tasks.Single();
        Assert.Equal(new EchoTask().Name, task.Type);
        Assert.Equal("from defaults", task.Properties["format"]);
        Assert.Equal("ERROR", task.Properties["level"]);
    }
}
