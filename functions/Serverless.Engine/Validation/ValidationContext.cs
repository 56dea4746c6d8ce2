using Serverless.Engine.Flows;

namespace Serverless.Engine.Validation;

/// <summary>Collects every problem of a flow so they are all reported at once.</summary>
public sealed class ValidationContext
{
    private readonly List<FlowError> _errors = [];

    public IReadOnlyList<FlowError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(SourcePosition position, string path, string message) => _errors.Add(new(position, path, message));

    /// <summary>Errors sorted by position, the order users read them in.</summary>
    public IReadOnlyList<FlowError> Sorted() =>
        [.. _errors.OrderBy(e => e.Position.Line).ThenBy(e => e.Position.Column)];
}
