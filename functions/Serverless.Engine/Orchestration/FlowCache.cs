using System.Collections.Concurrent;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Parsed flows by source text. Parsing is a pure function of the source, so caching it keeps replays cheap
/// without risking determinism. Bounded: cleared when it grows past <see cref="Capacity"/>.
/// </summary>
internal static class FlowCache
{
    private const int Capacity = 512;
    private static readonly ConcurrentDictionary<string, Flow> Flows = new(StringComparer.Ordinal);

    public static Flow Get(string source) => GetOrParse(source, static text => text);

    /// <summary>The flow of a <see cref="PackedFlowSource"/>, cached by the packed text (it is never unpacked twice).</summary>
    public static Flow GetPacked(string packed) => GetOrParse(packed, PackedFlowSource.Unpack);

    private static Flow GetOrParse(string key, Func<string, string> source)
    {
        if (Flows.TryGetValue(key, out var flow))
        {
            return flow;
        }

        flow = FlowParser.Default.ParseValid(source(key));
        if (Flows.Count >= Capacity)
        {
            Flows.Clear();
        }

        Flows[key] = flow;
        return flow;
    }
}
