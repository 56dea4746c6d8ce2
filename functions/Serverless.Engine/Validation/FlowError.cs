using Serverless.Engine.Flows;

namespace Serverless.Engine.Validation;

/// <summary>
/// One problem in a flow: where it is, which property it is about (a path such as <c>tasks[0].format</c>)
/// and what is wrong, phrased so the user knows what to change.
/// </summary>
public sealed record FlowError(SourcePosition Position, string Path, string Message)
{
    /// <summary><c>FILE:LINE:COLUMN: path: message</c>, the format editors and CI annotate.</summary>
    public string Format(string file) => $"{file}:{Position.Line}:{Position.Column}: {this}";

    public override string ToString() => string.IsNullOrEmpty(Path) ? Message : $"{Path}: {Message}";
}
