using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Contracts;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Secrets;

/// <summary>
/// Masking for what a task run emits. <see cref="TaskRunContext.Log"/> masks every line and the task executor
/// masks every result, so tasks need not call these; they stay for tasks that build results by hand.
/// Without a registered <see cref="ISecretMasker"/> both are the identity.
/// </summary>
public static class SecretMasking
{
    /// <summary>Logs <paramref name="message"/> with every known secret value replaced by <c>******</c>.</summary>
    public static void LogMasked(this TaskRunContext context, string level, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Log(level, message); // TaskRunContext.Log masks every line.
    }

    /// <summary>
    /// A FAILED result whose message is also logged at ERROR (the orchestration records it for
    /// <c>errorLogs()</c> but does not print it), both masked.
    /// </summary>
    public static TaskResult FailMasked(this TaskRunContext context, string type, string message, bool retryable = true, IReadOnlyDictionary<string, object?>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.LogMasked("ERROR", message);
        return context.MaskResult(TaskResult.Failed(type, message, retryable) with { Outputs = outputs });
    }

    /// <summary>The result with every string in its outputs and failure message masked.</summary>
    public static TaskResult MaskResult(this TaskRunContext context, TaskResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (Masker(context) is not { } masker)
        {
            return result;
        }

        return result with
        {
            Outputs = result.Outputs is null ? null : (IReadOnlyDictionary<string, object?>?)masker.MaskValue(result.Outputs),
            Failure = result.Failure is null ? null : result.Failure with { Message = masker.Mask(result.Failure.Message) },
            ErrorLogs = result.ErrorLogs?.Select(masker.Mask).ToList(),
        };
    }

    /// <summary>Masks every string inside a plain value (maps, lists, scalars), map keys included.</summary>
    public static object? MaskValue(this ISecretMasker masker, object? value)
    {
        ArgumentNullException.ThrowIfNull(masker);
        return value switch
        {
            string text => masker.Mask(text),
            IReadOnlyDictionary<string, object?> map => MaskMap(masker, map),
            IReadOnlyList<object?> list => list.Select(masker.MaskValue).ToList(),
            _ => value,
        };
    }

    private static Dictionary<string, object?> MaskMap(ISecretMasker masker, IReadOnlyDictionary<string, object?> map)
    {
        var masked = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            masked[masker.Mask(key)] = masker.MaskValue(value);
        }

        return masked;
    }

    private static ISecretMasker? Masker(TaskRunContext context) => context.Services.GetService<ISecretMasker>();
}
