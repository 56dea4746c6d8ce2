using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;

namespace Serverless.Engine.Tests.Scheduling;

/// <summary>Flows with one Schedule trigger, parsed from YAML like real ones.</summary>
internal static class ScheduleFlows
{
    public static Flow Parse(string id, string cron, string extra = "", string flowExtra = "", string ns = "company.team") =>
        FlowParser.Default.ParseValid($"""
            id: {id}
            namespace: {ns}
            {flowExtra}
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              - id: schedule
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "{cron}"
            {Indent(extra)}
            """);

    private static string Indent(string extra) =>
        string.Join("\n", extra.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l));
}
