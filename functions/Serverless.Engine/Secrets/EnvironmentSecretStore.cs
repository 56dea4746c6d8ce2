using System.Collections;
using System.Text;

namespace Serverless.Engine.Secrets;

/// <summary>
/// Kestra's open-source secret backend: <c>secret('MY_KEY')</c> reads the environment variable
/// <c>SECRET_MY_KEY</c> (the name upper-cased), whose value is base64-encoded. The variables are read once,
/// when the store is created, and every value is registered with the masker at once, so a secret is masked
/// even in output that did not come through <c>secret()</c>.
/// </summary>
public sealed class EnvironmentSecretStore : ISecretStore
{
    /// <summary>The prefix Kestra uses for secret environment variables.</summary>
    public const string Prefix = "SECRET_";

    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _malformed = new(StringComparer.Ordinal);

    public EnvironmentSecretStore(ISecretMasker masker)
        : this(Environment.GetEnvironmentVariables(), masker)
    {
    }

    public EnvironmentSecretStore(IDictionary variables, ISecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(masker);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is not string key || !key.StartsWith(Prefix, StringComparison.Ordinal) || entry.Value is not string encoded)
            {
                continue;
            }

            var name = key[Prefix.Length..].ToUpperInvariant();
            try
            {
                var value = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
                _secrets[name] = value;
                masker.Add(value);
            }
            catch (FormatException)
            {
                _malformed[name] = key;
                masker.Add(encoded);
            }
        }
    }

    public Task<string?> GetAsync(string ns, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.ToUpperInvariant();
        if (_malformed.TryGetValue(key, out var variable))
        {
            throw new InvalidOperationException($"The environment variable '{variable}' is not valid base64; secret values must be base64-encoded.");
        }

        return Task.FromResult(_secrets.GetValueOrDefault(key));
    }
}
