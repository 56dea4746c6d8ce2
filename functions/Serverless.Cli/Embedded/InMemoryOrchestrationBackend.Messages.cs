using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;

namespace Serverless.Cli.Embedded;

/// <summary>Message routing: starts, events, completions and durable timers reaching their instance.</summary>
public sealed partial class InMemoryOrchestrationBackend
{
    /// <summary>Statuses that make a second start with the same instance id fail, as on Azure Storage.</summary>
    private static readonly OrchestrationStatus[] DefaultDedupeStatuses =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running];

    private void Route(TaskMessage message)
    {
        lock (_gate)
        {
            RouteLocked(message);
        }
    }

    /// <summary>Delivers a message to its instance, or parks it until it is due (timers, delayed starts).</summary>
    private void RouteLocked(TaskMessage message)
    {
        string instanceId = message.OrchestrationInstance.InstanceId;
        if (message.Event is ExecutionStartedEvent started)
        {
            CreateLocked(message, started);
            return;
        }

        if (!_instances.TryGetValue(instanceId, out InstanceRecord? record) || record.IsTerminal)
        {
            return; // nobody to deliver to; the Azure Storage backend drops these too
        }

        EnqueueLocked(record, message);
    }

    /// <summary>False for a message meant for an execution that has since continued as new.</summary>
    private static bool IsForCurrentExecution(InstanceRecord record, TaskMessage message)
    {
        string? executionId = message.OrchestrationInstance.ExecutionId;
        return executionId is null || record.ExecutionId is null || executionId == record.ExecutionId;
    }

    private void CreateTaskOrchestrationLocked(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses)
    {
        string instanceId = creationMessage.OrchestrationInstance.InstanceId;
        if (_instances.TryGetValue(instanceId, out InstanceRecord? existing)
            && (dedupeStatuses ?? DefaultDedupeStatuses).Contains(existing.State.OrchestrationStatus))
        {
            throw new OrchestrationAlreadyExistsException(
                $"An orchestration with id '{instanceId}' already exists. It is in the {existing.State.OrchestrationStatus} state.");
        }

        RouteLocked(creationMessage);
    }

    /// <summary>Starts a new instance, or a new execution replacing a finished one with the same id.</summary>
    private void CreateLocked(TaskMessage message, ExecutionStartedEvent started)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        OrchestrationInstance instance = message.OrchestrationInstance;
        var state = new OrchestrationState
        {
            OrchestrationInstance = instance,
            ParentInstance = started.ParentInstance,
            Name = started.Name,
            Version = started.Version,
            Input = started.Input,
            Tags = started.Tags,
            OrchestrationStatus = OrchestrationStatus.Pending,
            CreatedTime = now,
            LastUpdatedTime = now,
            ScheduledStartTime = started.ScheduledStartTime,
        };
        var record = new InstanceRecord(instance.InstanceId, instance.ExecutionId, state);
        _instances[instance.InstanceId] = record;
        EnqueueLocked(record, message);
    }

    private void EnqueueLocked(InstanceRecord record, TaskMessage message)
    {
        if (!IsForCurrentExecution(record, message))
        {
            return;
        }

        TimeSpan delay = DueIn(message);
        if (delay > TimeSpan.Zero)
        {
            _ = DeliverLaterAsync(record, message, delay);
            return;
        }

        record.Pending.Add(message);
        SignalLocked(record);
    }

    private void SignalLocked(InstanceRecord record)
    {
        if (record.Locked || record.Queued)
        {
            return; // the running episode's release, or the queued entry, picks the message up
        }

        record.Queued = true;
        _ready.Writer.TryWrite(record);
    }

    private bool IsCurrent(InstanceRecord record) =>
        _instances.TryGetValue(record.InstanceId, out InstanceRecord? current) && ReferenceEquals(current, record);

    private TimeSpan DueIn(TaskMessage message)
    {
        DateTime? dueAt = message.Event switch
        {
            TimerFiredEvent timer => timer.FireAt,
            ExecutionStartedEvent started => started.ScheduledStartTime,
            _ => null,
        };
        if (dueAt is not { } at)
        {
            return TimeSpan.Zero;
        }

        DateTime utc = at.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : at.ToUniversalTime();
        return utc - _time.GetUtcNow().UtcDateTime;
    }

    private async Task DeliverLaterAsync(InstanceRecord record, TaskMessage message, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return; // host stopping
        }

        lock (_gate)
        {
            if (IsCurrent(record) && !record.IsTerminal && IsForCurrentExecution(record, message))
            {
                record.Pending.Add(message);
                SignalLocked(record);
            }
        }
    }
}
