using System.Collections.Concurrent;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Azure;
using Serverless.Engine.Secrets;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Secrets;

/// <summary>
/// Secrets from Azure Key Vault, enabled when <c>FLOWS_KEYVAULT_URL</c> is set; authenticates with
/// <see cref="DefaultAzureCredential"/> (the Function app's managed identity in Azure), so no key is configured.
/// </summary>
/// <remarks>
/// Key Vault names allow letters, digits and '-': <c>secret('MY_KEY')</c> in namespace <c>company.team</c>
/// looks up <c>company-team--MY-KEY</c> first (a namespace-scoped secret), then <c>MY-KEY</c>. Values (and
/// misses) are cached for <see cref="CacheDuration"/> so a loop calling <c>secret()</c> does not hit the vault each time.
/// </remarks>
public sealed class KeyVaultSecretStore : ISecretStore
{
    /// <summary>The environment variable that enables this store.</summary>
    public const string UrlVariable = SecretResolver.KeyVaultUrlVariable;

    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);

    private readonly SecretClient _client;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public KeyVaultSecretStore(SecretClient client, TimeProvider clock)
    {
        _client = client;
        _clock = clock;
    }

    /// <summary>A store for the vault named by <c>FLOWS_KEYVAULT_URL</c>, or <see langword="null"/> when it is not set.</summary>
    public static KeyVaultSecretStore? FromEnvironment(TimeProvider clock)
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var vault) || vault.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{UrlVariable} must be an https URL such as https://my-vault.vault.azure.net/, not '{url}'.");
        }

        return new KeyVaultSecretStore(new SecretClient(vault, new DefaultAzureCredential()), clock);
    }

    public async Task<string?> GetAsync(string ns, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(name);
        var plain = VaultName(name);
        return await GetCachedAsync(VaultName(ns) + "--" + plain, ct) ?? await GetCachedAsync(plain, ct);
    }

    /// <summary>The Key Vault spelling of a Kestra name: every character other than a letter or digit becomes '-'.</summary>
    public static string VaultName(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private async Task<string?> GetCachedAsync(string vaultName, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        if (_cache.TryGetValue(vaultName, out var cached) && cached.Expires > now)
        {
            return cached.Value;
        }

        string? value;
        try
        {
            value = (await _client.GetSecretAsync(vaultName, cancellationToken: ct)).Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            value = null;
        }

        _cache[vaultName] = (value, now + CacheDuration);
        return value;
    }
}
