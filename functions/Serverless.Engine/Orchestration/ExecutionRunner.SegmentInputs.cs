using System.Runtime.CompilerServices;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// What a segment's input carries, kept small because the input is replayed in every episode of the segment:
/// the flow source packed, and only the outputs the segment's templates read.
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>The output keys each task's templates read (itself and its descendants), per task definition.</summary>
    private static readonly ConditionalWeakTable<TaskDefinition, OutputKeySet> OutputKeysCache = [];

    /// <summary>The packed flow source handed to segments, packed once per runner.</summary>
    private string? _packedSource;

    private string PackedSource => _packedSource ??= PackedFlowSource.Pack(_request.FlowSource);

    /// <summary>
    /// The part of the <c>outputs</c> variable <paramref name="tasks"/> may read: the outputs of the task ids their
    /// templates name, or all of them when a template reads <c>outputs</c> in a way analysis cannot follow.
    /// </summary>
    private IReadOnlyDictionary<string, object?> OutputsReadBy(IReadOnlyList<TaskDefinition> tasks)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (OutputKeysCache.GetValue(task, t => new OutputKeySet(OutputKeysOf(t))).Keys is not { } read)
            {
                return _outputs.Root;
            }

            keys.UnionWith(read);
        }

        return _outputs.Root.Where(o => keys.Contains(o.Key)).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
    }

    private static HashSet<string>? OutputKeysOf(TaskDefinition task)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var texts = task.SelfAndDescendants().SelectMany(t => Strings(t.Properties).Append(t.RunIf ?? ""));
        foreach (var text in texts)
        {
            if (ExpressionEngine.Shared.OutputKeys(text) is not { } read)
            {
                return null;
            }

            keys.UnionWith(read);
        }

        return keys;
    }

    private sealed record OutputKeySet(HashSet<string>? Keys);
}
