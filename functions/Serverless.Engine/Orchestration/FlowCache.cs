using System.Collections.Concurrent;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Parsed flows by source text, for the orchestrations. Parsing is a pure function of the source and the
/// host's task types, so caching it keeps replays cheap without risking determinism. Bounded: cleared when
/// it grows past <see cref="Capacity"/>. One per host (a singleton), parsing with the host's registries.
/// </summary>
public sealed class FlowCache(FlowParser parser)
{
    private const int Capacity = 512;
    private readonly ConcurrentDictionary<string, Flow> _flows = new(StringComparer.Ordinal);

    /// <summary>The cache of the built-in task and trigger types, for hosts without dependency injection.</summary>
    public static FlowCache BuiltIn { get; } = new(FlowParser.Default);

    /// <summary>The registry the cached flows were parsed with: the orchestration runs their tasks with it.</summary>
    public TaskTypeRegistry Types => parser.TaskTypes;

    public Flow Get(string source) => GetOrParse(source, static text => text);

    /// <summary>The flow of a <see cref="PackedFlowSource"/>, cached by the packed text (it is never unpacked twice).</summary>
    public Flow GetPacked(string packed) => GetOrParse(packed, PackedFlowSource.Unpack);

    private Flow GetOrParse(string key, Func<string, string> source)
    {
        if (_flows.TryGetValue(key, out var flow))
        {
            return flow;
        }

        flow = parser.ParseValid(source(key));
        if (_flows.Count >= Capacity)
        {
            _flows.Clear();
        }

        _flows[key] = flow;
        return flow;
    }
}
