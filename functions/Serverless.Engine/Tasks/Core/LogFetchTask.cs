using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Contracts;
using Serverless.Engine.Logs;
using Serverless.Engine.Records;
using Serverless.Engine.Secrets;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.log.Fetch</c>: writes the log lines of an execution (this one by default) to
/// an internal storage file, one JSON object per line (valid ION, as Kestra writes), and returns its URI and
/// the number of lines. Only executions of the flow's namespace (or its children) can be read.
/// <code>
/// - id: fetch
///   type: io.kestra.plugin.core.log.Fetch
///   level: WARN
///   tasksId:
///     - python
/// </code>
/// </summary>
public sealed class LogFetchTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.log.Fetch", "io.kestra.core.tasks.log.Fetch"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("executionId"),
        PropertySpec.String("namespace"),
        PropertySpec.String("flowId"),
        PropertySpec.List("tasksId"),
        PropertySpec.String("level"),
    ];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var logs = context.Services.GetService<IExecutionLogStore>()
            ?? throw new InvalidOperationException("Log Fetch needs a log store, and none is configured in this worker.");
        var request = context.Request;
        var executionId = context.RenderString("executionId") ?? request.ExecutionId;
        var level = LogLevels.Normalize(context.RenderString("level")) ?? "INFO";
        var tasks = RenderedValues.StringList(context.RenderValue("tasksId"), "tasksId").ToHashSet(StringComparer.Ordinal);

        await logs.FlushAsync(ct);
        var entries = (await logs.ReadAsync(executionId, ct: ct)).Select(s => s.Entry).ToList();
        if (executionId != request.ExecutionId
            && entries.Any(e => e.Namespace is not { } ns || !StoragePaths.IsInNamespace(ns, request.Namespace)))
        {
            return context.FailMasked("Forbidden", $"Execution '{executionId}' is not in namespace '{request.Namespace}': a flow can only fetch the logs of its own namespace.", retryable: false);
        }

        var selected = entries.Where(e => LogLevels.Passes(e.Level, level) && (tasks.Count == 0 || (e.TaskId is { } id && tasks.Contains(id)))).ToList();
        var masker = context.Services.GetService<ISecretMasker>();
        var text = new StringBuilder();
        foreach (var entry in selected)
        {
            text.Append(PlainValues.ToJson(new Dictionary<string, object?>
            {
                ["executionId"] = entry.ExecutionId,
                ["taskRunId"] = entry.TaskRunId,
                ["taskId"] = entry.TaskId,
                ["level"] = entry.Level,
                ["timestamp"] = entry.Timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["message"] = masker?.Mask(entry.Message) ?? entry.Message,
            })).Append('\n');
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var scope = new StorageScope(request.Namespace, request.FlowId, request.ExecutionId, request.TaskId, request.TaskRunId);
        var uri = await ScriptTaskType.Require<IInternalStorage>(context, "Log Fetch").PutAsync(scope, request.TaskId + ".ion", content, ct);
        return TaskResult.Success(new Dictionary<string, object?> { ["uri"] = uri.ToString(), ["size"] = (long)selected.Count });
    }
}
