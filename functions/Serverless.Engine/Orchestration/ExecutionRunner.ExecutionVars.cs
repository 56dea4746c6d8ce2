namespace Serverless.Engine.Orchestration;

/// <summary>
/// The execution's variables (<c>vars</c>): the flow's <c>variables</c> until a SetVariables or UnsetVariables
/// task changes them; later tasks, runIf conditions and later segments see the change.
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>The variables as changed by tasks; null while they are still the flow's.</summary>
    private IReadOnlyDictionary<string, object?>? _vars;

    /// <summary>Whether this runner (a segment) changed the variables, so its result must carry them back.</summary>
    private bool _varsChanged;

    /// <summary>The execution's variables as they stand.</summary>
    internal IReadOnlyDictionary<string, object?> Vars => _vars ?? _flow.Variables;

    /// <summary>Replaces the execution's variables (SetVariables, UnsetVariables).</summary>
    internal void SetVars(IReadOnlyDictionary<string, object?> vars)
    {
        _vars = vars;
        _varsChanged = true;
    }
}
