namespace Serverless.Engine.Inputs;

/// <summary>A rejected input value, naming the input so the user knows which one to fix.</summary>
public sealed record InputError(string InputId, string Message)
{
    public override string ToString() => $"input '{InputId}': {Message}";
}

/// <summary>Inputs that cannot start an execution; nothing was started.</summary>
public sealed class InputValidationException(IReadOnlyList<InputError> errors)
    : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
