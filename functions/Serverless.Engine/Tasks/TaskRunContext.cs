using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Logs;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Tasks;

/// <summary>
/// What a runnable task sees while it runs one attempt: its request, expression rendering over the variables
/// the orchestration sent, logging, services and cancellation (timeout or kill).
/// </summary>
public sealed class TaskRunContext
{
    private readonly IExecutionLogSink _logs;
    private readonly ISecretMasker? _masker;

    public TaskRunContext(TaskRequest request, ExpressionScope scope, IServiceProvider services, IExecutionLogSink logs, TimeProvider clock, CancellationToken cancellationToken)
    {
        Request = request;
        Scope = scope;
        Services = services;
        _logs = logs;
        _masker = services.GetService(typeof(ISecretMasker)) as ISecretMasker;
        Clock = clock;
        CancellationToken = cancellationToken;
    }

    public TaskRequest Request { get; }

    public ExpressionScope Scope { get; }

    public IServiceProvider Services { get; }

    public TimeProvider Clock { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The folder shared by the tasks of a <c>WorkingDirectory</c>, set by the task-group activity; script tasks
    /// run in it instead of a fresh folder of their own. Null outside a WorkingDirectory.
    /// </summary>
    internal Scripts.ScriptWorkspace? WorkingDirectory { get; init; }

    /// <summary>Error lines logged so far, returned to the orchestration for <c>errorLogs()</c>.</summary>
    public List<string> ErrorLines { get; } = [];

    /// <summary>The raw (unrendered) value of a property, or null.</summary>
    public object? Raw(string property) =>
        Request.Properties is { } properties && properties.TryGetValue(property, out var value) ? value : null;

    /// <summary>A property rendered as text, or null when absent.</summary>
    public string? RenderString(string property) => Raw(property) switch
    {
        null => null,
        string text => ExpressionEngine.Shared.Render(text, Scope),
        var other => ExpressionEngine.ToText(Render(other)),
    };

    /// <summary>A property rendered deeply: strings in lists and maps are rendered; a lone <c>{{ x }}</c> keeps its type.</summary>
    public object? RenderValue(string property) => Render(Raw(property));

    /// <summary>Renders a raw value deeply.</summary>
    public object? Render(object? raw) => ValueRenderer.Render(raw, Scope);

    /// <summary>A property rendered and read as a boolean, with a default.</summary>
    public bool RenderBool(string property, bool defaultValue) => Truthiness.ToBool(RenderValue(property), defaultValue);

    /// <summary>Writes a log line for this task run, if it passes the task's log level. Secret values are masked.</summary>
    public void Log(string level, string message)
    {
        message = _masker?.Mask(message) ?? message;
        var normalized = LogLevels.Normalize(level) ?? "INFO";
        if (normalized == "ERROR")
        {
            ErrorLines.Add(message);
        }

        if (!LogLevels.Passes(normalized, Request.LogLevel))
        {
            return;
        }

        _logs.Write(new LogEntry(Request.ExecutionId, Request.TaskRunId, Request.TaskId, normalized, message,
            Clock.GetUtcNow(), Request.Namespace, Request.FlowId, Request.Attempt + 1));
    }
}
