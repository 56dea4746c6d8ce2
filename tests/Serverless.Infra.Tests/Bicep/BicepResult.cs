namespace Serverless.Infra.Tests.Bicep;

/// <summary>What one run of the Bicep CLI printed; diagnostics go to standard error.</summary>
internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Every non-empty line of standard error: warnings and errors, one per line.</summary>
    public IReadOnlyList<string> Diagnostics { get; } =
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() =>
        $"exit {ExitCode}{Environment.NewLine}{StandardError}{Environment.NewLine}{StandardOutput}";
}
