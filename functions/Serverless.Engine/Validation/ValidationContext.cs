using Serverless.Engine.Flows;

namespace Serverless.Engine.Validation;

/// <summary>
/// Collects every problem of a flow so they are all reported at once. Warnings are problems that do not make
/// the flow invalid here but will hurt at run time (or that a newer Kestra rejects).
/// </summary>
public sealed class ValidationContext
{
    private readonly List<FlowError> _errors = [];
    private readonly List<FlowError> _warnings = [];

    public IReadOnlyList<FlowError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<FlowError> Warnings => _warnings;

    public void Add(SourcePosition position, string path, string message) => _errors.Add(new(position, path, message));

    /// <summary>Records a problem that leaves the flow valid.</summary>
    public void Warn(SourcePosition position, string path, string message) => _warnings.Add(new(position, path, message));

    /// <summary>Errors sorted by position, the order users read them in.</summary>
    public IReadOnlyList<FlowError> Sorted() => SortedByPosition(_errors);

    /// <summary>Warnings sorted by position.</summary>
    public IReadOnlyList<FlowError> SortedWarnings() => SortedByPosition(_warnings);

    private static List<FlowError> SortedByPosition(List<FlowError> items) =>
        [.. items.OrderBy(e => e.Position.Line).ThenBy(e => e.Position.Column)];
}
