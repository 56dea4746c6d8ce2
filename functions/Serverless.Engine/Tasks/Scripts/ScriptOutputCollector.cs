using System.Text.Json;
using Serverless.Engine.Contracts;
using Serverless.Engine.Logs;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// Consumes the script's output lines, Kestra's way: a line <c>::{"outputs":{…}}::</c> merges into
/// <c>vars</c>, <c>::{"metrics":[…]}::</c> records metrics, <c>::{"logs":[{"level","message"}]}::</c> logs at
/// the given level; any other line is logged, stdout at INFO and stderr at ERROR (Kestra 0.21+). Lines from
/// both streams arrive on two threads, so everything is serialised by one lock. Every logged line is masked.
/// </summary>
internal sealed class ScriptOutputCollector
{
    private readonly Lock _gate = new();
    private readonly TaskRunContext _context;
    private readonly Dictionary<string, object?> _vars = new(StringComparer.Ordinal);
    private readonly List<object?> _metrics = [];

    public ScriptOutputCollector(TaskRunContext context) => _context = context;

    public IReadOnlyDictionary<string, object?> Vars
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, object?>(_vars, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<object?> Metrics
    {
        get
        {
            lock (_gate)
            {
                return [.. _metrics];
            }
        }
    }

    public int StdOutCount { get; private set; }

    public int StdErrCount { get; private set; }

    public void Accept(string line, bool isStdErr)
    {
        lock (_gate)
        {
            if (isStdErr)
            {
                StdErrCount++;
            }
            else
            {
                StdOutCount++;
            }

            if (!TryHandleProtocol(line))
            {
                _context.LogMasked(isStdErr ? "ERROR" : "INFO", line);
            }
        }
    }

    private bool TryHandleProtocol(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 6 || !trimmed.StartsWith("::{", StringComparison.Ordinal) || !trimmed.EndsWith("}::", StringComparison.Ordinal))
        {
            return false;
        }

        object? message;
        try
        {
            message = PlainValues.ParseJson(trimmed[2..^2]);
        }
        catch (JsonException)
        {
            return false;
        }

        if (message is not IReadOnlyDictionary<string, object?> map)
        {
            return false;
        }

        if (map.GetValueOrDefault("outputs") is IReadOnlyDictionary<string, object?> outputs)
        {
            foreach (var (key, value) in outputs)
            {
                _vars[key] = value;
            }
        }

        if (map.GetValueOrDefault("metrics") is IReadOnlyList<object?> metrics)
        {
            _metrics.AddRange(metrics);
        }

        if (map.GetValueOrDefault("logs") is IReadOnlyList<object?> logs)
        {
            foreach (var log in logs.OfType<IReadOnlyDictionary<string, object?>>())
            {
                var level = LogLevels.Normalize(log.GetValueOrDefault("level") as string) ?? "INFO";
                _context.LogMasked(level, Expressions.ExpressionEngine.ToText(log.GetValueOrDefault("message")));
            }
        }

        return true;
    }
}
