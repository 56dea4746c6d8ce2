using System.Collections.Immutable;
using System.Text;

namespace Serverless.Engine.Secrets;

/// <summary>
/// The default <see cref="ISecretMasker"/>: a copy-on-write set of tokens, replaced longest first so a
/// secret that contains another is masked whole. Tokens shorter than <see cref="MinimumLength"/> are not
/// masked: masking "1" or "ab" would destroy every log line while protecting nothing worth protecting.
/// </summary>
public sealed class SecretMasker : ISecretMasker
{
    /// <summary>What a secret value is replaced with, as Kestra does.</summary>
    public const string Placeholder = "******";

    /// <summary>Shortest value (or line of a multi-line value) that is masked.</summary>
    public const int MinimumLength = 4;

    private ImmutableArray<string> _tokens = [];

    /// <summary>Registered tokens, longest first (for tests and diagnostics; never log them).</summary>
    internal int TokenCount => _tokens.Length;

    public void Add(string secretValue)
    {
        ArgumentNullException.ThrowIfNull(secretValue);
        var candidates = new List<string> { secretValue, secretValue.Trim() };
        candidates.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secretValue)));

        // A multi-line value (a PEM key, a JSON document) is printed line by line by most tools: mask each line.
        candidates.AddRange(secretValue.Split('\n').Select(line => line.TrimEnd('\r').Trim()));

        foreach (var token in candidates.Where(t => t.Length >= MinimumLength))
        {
            ImmutableInterlocked.Update(ref _tokens, tokens => tokens.Contains(token)
                ? tokens
                : [.. tokens.Add(token).OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal)]);
        }
    }

    public string Mask(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var tokens = _tokens;
        foreach (var token in tokens)
        {
            if (text.Contains(token, StringComparison.Ordinal))
            {
                text = text.Replace(token, Placeholder, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
