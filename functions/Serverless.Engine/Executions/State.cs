namespace Serverless.Engine.Executions;

/// <summary>Kestra's execution and task-run states, serialised by name (upper case).</summary>
public enum State
{
    CREATED,
    RUNNING,
    PAUSED,
    RESTARTED,
    KILLING,
    SUCCESS,
    WARNING,
    FAILED,
    KILLED,
    SKIPPED,
    RETRYING,
    RETRIED,
    QUEUED,
    CANCELLED,
}

/// <summary>How states combine and which ones end a run.</summary>
public static class States
{
    /// <summary>Whether the state is final: nothing more happens to that run.</summary>
    public static bool IsTerminated(this State state) => state is State.SUCCESS or State.WARNING or State.FAILED
        or State.KILLED or State.SKIPPED or State.CANCELLED or State.RETRIED;

    /// <summary>Whether the state counts as a failure for the parent (FAILED or KILLED).</summary>
    public static bool IsFailure(this State state) => state is State.FAILED or State.KILLED;

    /// <summary>
    /// The state a parent takes from its children, as Kestra resolves it: KILLED over FAILED over WARNING over
    /// SUCCESS; SKIPPED children count as SUCCESS.
    /// </summary>
    public static State Worst(State a, State b) => Rank(a) >= Rank(b) ? a : b;

    /// <summary>The worst of <paramref name="states"/>, SUCCESS when there are none.</summary>
    public static State Worst(IEnumerable<State> states)
    {
        var worst = State.SUCCESS;
        foreach (var state in states)
        {
            worst = Worst(worst, state);
        }

        return worst;
    }

    private static int Rank(State state) => state switch
    {
        State.KILLED => 4,
        State.FAILED => 3,
        State.WARNING => 2,
        State.PAUSED => 1,
        _ => 0,
    };
}
