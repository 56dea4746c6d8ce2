namespace Serverless.Engine.Orchestration;

/// <summary>
/// Names of the durable functions the engine registers. Wire contract: in-flight histories refer to them, so
/// they never change.
/// </summary>
public static class OrchestrationNames
{
    /// <summary>The orchestration that runs one execution of a flow.</summary>
    public const string Flow = "FlowOrchestration";

    /// <summary>The sub-orchestration that runs a slice of an execution (long sequences, wide loops).</summary>
    public const string Segment = "FlowSegment";

    /// <summary>The activity that runs one attempt of one runnable task.</summary>
    public const string RunTask = "RunTask";

    /// <summary>The activity that runs the tasks of a WorkingDirectory in one shared folder.</summary>
    public const string RunTaskGroup = "RunTaskGroup";

    /// <summary>The activity that splits a ForEachItem's file into batch files.</summary>
    public const string SplitItems = "SplitItems";

    /// <summary>The activity that writes a ForEachItem's merged subflow outputs to a file.</summary>
    public const string MergeItemOutputs = "MergeItemOutputs";

    /// <summary>The activity that reads another flow's source (Subflow, ForEachItem).</summary>
    public const string ResolveFlow = "ResolveFlow";

    /// <summary>The activity that starts a detached execution (Subflow without wait).</summary>
    public const string StartExecution = "StartExecution";

    /// <summary>The activity that saves a chunk of a large execution's task runs to internal storage.</summary>
    public const string SaveTaskRuns = "SaveTaskRuns";

    /// <summary>The activity that tells execution listeners (records, flow triggers) an execution ended.</summary>
    public const string ExecutionEnded = "ExecutionEnded";

    /// <summary>The external event that resumes a paused task; its payload holds the resume inputs.</summary>
    public const string ResumeEvent = "resume";

    /// <summary>The external event that asks a running execution to stop (Kestra's kill).</summary>
    public const string KillEvent = "kill";
}
