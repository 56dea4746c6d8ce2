namespace Serverless.Engine.Secrets;

/// <summary>
/// Replaces secret values with <c>******</c> in text that leaves a task run (log lines, outputs). Every value
/// resolved by <c>secret()</c> is registered here before the template that asked for it sees it, so a
/// secret cannot reach a log sink or the orchestration history in clear text through the paths that mask.
/// </summary>
/// <remarks>
/// Masking is textual and best effort: a script that transforms a secret (reverses it, hex-encodes it)
/// defeats it. The registered set is process-wide, not per task run: a value masked for one run is masked
/// for every run of this worker, which over-masks rather than leaks.
/// </remarks>
public interface ISecretMasker
{
    /// <summary>Registers a secret value (and the forms it is masked in: base64, each of its lines).</summary>
    void Add(string secretValue);

    /// <summary>The text with every registered value replaced by <see cref="SecretMasker.Placeholder"/>.</summary>
    string Mask(string text);
}
