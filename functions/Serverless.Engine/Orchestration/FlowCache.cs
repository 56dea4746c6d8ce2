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

    public static Flow Get(string source)
    {
        if (Flows.TryGetValue(source, out var flow))
        {
            return flow;
        }

        flow = FlowParser.Default.ParseValid(source);
        if (Flows.Count >= Capacity)
        {
            Flows.Clear();
        }

        Flows[source] = flow;
        return flow;
    }
}
