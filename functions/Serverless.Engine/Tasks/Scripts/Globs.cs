using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// Glob patterns over relative paths with '/' separators, as Kestra's <c>include</c>, <c>exclude</c> and
/// <c>outputFiles</c> use them: <c>*</c> and <c>?</c> stay within a segment, <c>**</c> crosses segments
/// (<c>**/</c> also matches no folder at all, so <c>**/*.csv</c> matches <c>a.csv</c>), <c>{a,b}</c> picks
/// one of several, <c>[abc]</c> / <c>[!abc]</c> are character classes.
/// </summary>
internal sealed class Globs
{
    private readonly Regex[] _patterns;

    private Globs(IEnumerable<Regex> patterns) => _patterns = [.. patterns];

    public bool IsEmpty => _patterns.Length == 0;

    /// <summary>Compiles the patterns; throws <see cref="ArgumentException"/> for one that could reach outside the folder.</summary>
    public static Globs Compile(IEnumerable<string> patterns, string property) =>
        new(patterns.Select(p => ToRegex(Check(p, property))));

    public bool Matches(string relativePath) => _patterns.Any(p => p.IsMatch(relativePath));

    private static string Check(string pattern, string property)
    {
        var reason = pattern switch
        {
            "" => "it is empty",
            _ when pattern.StartsWith('/') => "absolute paths are not allowed",
            _ when pattern.Contains('\\', StringComparison.Ordinal) => "backslashes are not allowed (use '/')",
            _ when pattern.Split('/').Any(s => s == "..") => "'..' segments are not allowed",
            _ => null,
        };
        return reason is null ? pattern : throw new ArgumentException($"{property}: invalid pattern '{pattern}': {reason}.");
    }

    private static Regex ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        var inGroup = false;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                    regex.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '{':
                    inGroup = true;
                    regex.Append("(?:");
                    break;
                case '}' when inGroup:
                    inGroup = false;
                    regex.Append(')');
                    break;
                case ',' when inGroup:
                    regex.Append('|');
                    break;
                case '[':
                    var end = glob.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var body = glob[(i + 1)..end];
                    regex.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
