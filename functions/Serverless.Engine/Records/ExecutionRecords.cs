using Serverless.Engine.Executions;

namespace Serverless.Engine.Records;

/// <summary>Rules every <see cref="IExecutionStore"/> shares: how a new write combines with a stored record, and what a summary keeps.</summary>
public static class ExecutionRecords
{
    /// <summary>
    /// The record to keep when <paramref name="incoming"/> arrives over <paramref name="existing"/>: a finished
    /// record is never moved back to a running state (writes may arrive out of order), and facts the incoming
    /// write lacks (inputs, labels, trigger, revision known at start) are kept.
    /// </summary>
    public static Execution Merge(Execution existing, Execution incoming)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        if (existing.State.Current.IsTerminated() && !incoming.State.Current.IsTerminated())
        {
            return existing;
        }

        return incoming with
        {
            Namespace = incoming.Namespace.Length > 0 ? incoming.Namespace : existing.Namespace,
            FlowId = incoming.FlowId.Length > 0 ? incoming.FlowId : existing.FlowId,
            FlowRevision = incoming.FlowRevision > 0 ? incoming.FlowRevision : existing.FlowRevision,
            Inputs = incoming.Inputs ?? existing.Inputs,
            Labels = incoming.Labels.Count > 0 ? incoming.Labels : existing.Labels,
            Trigger = incoming.Trigger ?? existing.Trigger,
            ParentId = incoming.ParentId ?? existing.ParentId,
        };
    }

    /// <summary>The execution without its task runs and outputs, as searches return it.</summary>
    public static Execution Summary(Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return execution with { TaskRunList = [], Outputs = null };
    }
}
