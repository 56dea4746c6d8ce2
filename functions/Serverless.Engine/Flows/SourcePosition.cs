namespace Serverless.Engine.Flows;

/// <summary>A 1-based line and column in a flow's YAML source, carried by errors users must locate.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>Position used when the source has no better one (start of file).</summary>
    public static SourcePosition Start { get; } = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
