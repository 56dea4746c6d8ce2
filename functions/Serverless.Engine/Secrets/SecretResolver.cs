using Serverless.Engine.Expressions;

namespace Serverless.Engine.Secrets;

/// <summary>
/// Looks a secret up in every configured <see cref="ISecretStore"/> in order and registers the value with
/// the <see cref="ISecretMasker"/> before returning it, so nothing can log it unmasked afterwards.
/// </summary>
public sealed class SecretResolver
{
    /// <summary>The app setting that names the Key Vault the Azure adapters read secrets from.</summary>
    public const string KeyVaultUrlVariable = "FLOWS_KEYVAULT_URL";

    private readonly IReadOnlyList<ISecretStore> _stores;
    private readonly ISecretMasker _masker;

    public SecretResolver(IEnumerable<ISecretStore> stores, ISecretMasker masker)
    {
        _stores = [.. stores];
        _masker = masker;
    }

    /// <summary>The secret's value; throws <see cref="ExpressionException"/> naming the variable to set when no store has it.</summary>
    public async Task<string> GetAsync(string ns, string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var store in _stores)
        {
            if (await store.GetAsync(ns, name, ct) is { } value)
            {
                _masker.Add(value);
                return value;
            }
        }

        throw new ExpressionException(
            $"Cannot find secret for key '{name}'. Set the environment variable '{EnvironmentSecretStore.Prefix}{name.ToUpperInvariant()}' "
            + $"to its base64-encoded value, or configure {KeyVaultUrlVariable} (Azure Key Vault).");
    }
}
