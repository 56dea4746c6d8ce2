using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// jq's Oniguruma regex built-ins on .NET <see cref="Regex"/>. Flags: g (all matches), i, x, n (skip empty
/// matches), s (single line), p (s plus dot matches newline), l (longest; accepted, .NET is leftmost-first).
/// As in Oniguruma's Perl_NT syntax, plain groups are not captured when the pattern has named groups.
/// Offsets and lengths are in codepoints.
/// </summary>
internal static partial class JqBuiltins
{
    private static readonly ConcurrentDictionary<(string, RegexOptions), Regex> RegexCache = new();
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static void RegisterRegex(Dictionary<string, JqNative> n)
    {
        n["match/1"] = (it, input, args, env, _) => it.Values(args[0], input.V, env).SelectMany(re => MatchArg(input.V, re, null));
        n["match/2"] = (it, input, args, env, _) => Pairs(it, input, args, env).SelectMany(p => MatchArg(input.V, p.Re, p.Flags));
        n["test/1"] = (it, input, args, env, _) => it.Values(args[0], input.V, env).Select(re => new Pv(TestArg(input.V, re, null), null));
        n["test/2"] = (it, input, args, env, _) => Pairs(it, input, args, env).Select(p => new Pv(TestArg(input.V, p.Re, p.Flags), null));
        n["capture/1"] = (it, input, args, env, _) => it.Values(args[0], input.V, env).SelectMany(re => MatchArg(input.V, re, null)).Select(m => new Pv(CaptureObject(m.V), null));
        n["capture/2"] = (it, input, args, env, _) => Pairs(it, input, args, env).SelectMany(p => MatchArg(input.V, p.Re, p.Flags)).Select(m => new Pv(CaptureObject(m.V), null));
        n["scan/1"] = (it, input, args, env, _) => it.Values(args[0], input.V, env).SelectMany(re => Scan(input.V, re, null));
        n["scan/2"] = (it, input, args, env, _) => Pairs(it, input, args, env).SelectMany(p => Scan(input.V, p.Re, p.Flags));
        n["split/2"] = (it, input, args, env, _) => Pairs(it, input, args, env).Select(p => new Pv(RegexSplit(input.V, p.Re, p.Flags), null));
        n["splits/1"] = (it, input, args, env, _) => it.Values(args[0], input.V, env).SelectMany(re => RegexSplit(input.V, re, null)).Select(s => new Pv(s, null));
        n["splits/2"] = (it, input, args, env, _) => Pairs(it, input, args, env).SelectMany(p => RegexSplit(input.V, p.Re, p.Flags)).Select(s => new Pv(s, null));
        n["sub/2"] = (it, input, args, env, _) => it.Values(args[0], input.V, env).SelectMany(re => Substitute(it, input.V, re, args[1], null, env, false));
        n["sub/3"] = (it, input, args, env, _) => it.Values(args[2], input.V, env).SelectMany(f =>
            it.Values(args[0], input.V, env).SelectMany(re => Substitute(it, input.V, re, args[1], f, env, false)));
        n["gsub/2"] = (it, input, args, env, _) => it.Values(args[0], input.V, env).SelectMany(re => Substitute(it, input.V, re, args[1], null, env, true));
        n["gsub/3"] = (it, input, args, env, _) => it.Values(args[2], input.V, env).SelectMany(f =>
            it.Values(args[0], input.V, env).SelectMany(re => Substitute(it, input.V, re, args[1], f, env, true)));
    }

    private static IEnumerable<(object? Re, object? Flags)> Pairs(JqInterpreter it, Pv input, IReadOnlyList<JqNode> args, JqEnv env) =>
        from f in it.Values(args[1], input.V, env)
        from re in it.Values(args[0], input.V, env)
        select (re, f);

    /// <summary>The regex argument may be a string, or <c>[re, flags]</c>.</summary>
    private static (string Re, string? Flags) ReArgs(object? re, object? flags)
    {
        if (re is IReadOnlyList<object?> pair)
        {
            if (pair.Count is < 1 or > 2 || pair[0] is not string r)
            {
                throw new JqRuntimeException($"{JqValues.Describe(re)} cannot be matched, as it is not a string");
            }

            return (r, pair.Count > 1 ? pair[1] as string ?? (pair[1] is null ? null : throw new JqRuntimeException($"{JqValues.Describe(pair[1])} is not a string")) : null);
        }

        if (re is not string s)
        {
            throw new JqRuntimeException($"{JqValues.Describe(re)} cannot be matched, as it is not a string");
        }

        if (flags is not (null or string))
        {
            throw new JqRuntimeException($"{JqValues.Describe(flags)} is not a string");
        }

        return (s, (string?)flags);
    }

    private static (Regex Regex, bool Global, bool SkipEmpty) Compile(string pattern, string? flags)
    {
        var options = RegexOptions.CultureInvariant;
        bool global = false, skipEmpty = false;
        foreach (var f in flags ?? string.Empty)
        {
            switch (f)
            {
                case 'g': global = true; break;
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                case 'n': skipEmpty = true; break;
                case 's': break;
                case 'p': options |= RegexOptions.Singleline; break;
                case 'l': break;
                default: throw new JqRuntimeException($"{flags} is not a valid modifier string");
            }
        }

        if (HasNamedGroup(pattern))
        {
            options |= RegexOptions.ExplicitCapture;
        }

        try
        {
            var regex = RegexCache.Count > 1000
                ? new Regex(pattern, options, RegexTimeout)
                : RegexCache.GetOrAdd((pattern, options), key => new Regex(key.Item1, key.Item2, RegexTimeout));
            return (regex, global, skipEmpty);
        }
        catch (ArgumentException ex)
        {
            throw new JqRuntimeException($"{pattern} (at offset 0) is not a valid regex: {ex.Message}");
        }
    }

    private static bool HasNamedGroup(string pattern)
    {
        for (var i = 0; i + 3 < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
                continue;
            }

            if (pattern[i] == '(' && pattern[i + 1] == '?' && ((pattern[i + 2] == '<' && pattern[i + 3] is not ('=' or '!')) || pattern[i + 2] == 'P' || pattern[i + 2] == '\''))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Match> Matches(string input, string pattern, string? flags, bool forceGlobal = false)
    {
        var (regex, global, skipEmpty) = Compile(pattern, flags);
        IEnumerable<Match> all;
        try
        {
            all = global || forceGlobal ? regex.Matches(input).ToList() : [regex.Match(input)];
        }
        catch (RegexMatchTimeoutException)
        {
            throw new JqRuntimeException($"regex {pattern} took too long", true);
        }

        return all.Where(m => m.Success && !(skipEmpty && m.Length == 0));
    }

    private static IEnumerable<Pv> MatchArg(object? input, object? re, object? flags)
    {
        var (pattern, f) = ReArgs(re, flags);
        var s = input as string ?? throw new JqRuntimeException($"{JqValues.Describe(input)} cannot be matched, as it is not a string");
        var (regex, _, _) = Compile(pattern, f);
        foreach (var m in Matches(s, pattern, f))
        {
            yield return new Pv(MatchObject(s, m, regex), null);
        }
    }

    private static bool TestArg(object? input, object? re, object? flags)
    {
        var (pattern, f) = ReArgs(re, flags);
        var s = input as string ?? throw new JqRuntimeException($"{JqValues.Describe(input)} cannot be matched, as it is not a string");
        return Matches(s, pattern, f).Any();
    }

    private static long CodepointIndex(string s, int utf16Index)
    {
        var count = 0L;
        for (var i = 0; i < utf16Index && i < s.Length; i++)
        {
            if (!(char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1])))
            {
                count++;
            }
        }

        return count;
    }

    private static OrderedMap MatchObject(string s, Match m, Regex regex)
    {
        var captures = new List<object?>();
        var names = regex.GetGroupNames();
        for (var g = 1; g < m.Groups.Count; g++)
        {
            var group = m.Groups[g];
            var name = names[g];
            object? groupName = int.TryParse(name, out _) ? null : name;
            captures.Add(group.Success
                ? JqValues.MapOf([new("offset", CodepointIndex(s, group.Index)), new("length", CodepointIndex(group.Value, group.Value.Length)), new("string", group.Value), new("name", groupName)])
                : JqValues.MapOf([new("offset", -1L), new("length", 0L), new("string", null), new("name", groupName)]));
        }

        return JqValues.MapOf(
        [
            new("offset", CodepointIndex(s, m.Index)),
            new("length", CodepointIndex(m.Value, m.Value.Length)),
            new("string", m.Value),
            new("captures", captures),
        ]);
    }

    private static OrderedMap CaptureObject(object? match)
    {
        var result = new OrderedMap();
        var m = (IReadOnlyDictionary<string, object?>)match!;
        foreach (var c in (IReadOnlyList<object?>)m["captures"]!)
        {
            var capture = (IReadOnlyDictionary<string, object?>)c!;
            if (capture["name"] is string name)
            {
                result.Set(name, capture["string"]);
            }
        }

        return result;
    }

    private static IEnumerable<Pv> Scan(object? input, object? re, object? flags)
    {
        var (pattern, f) = ReArgs(re, flags);
        foreach (var m in MatchArg(input, pattern, "g" + f))
        {
            var map = (IReadOnlyDictionary<string, object?>)m.V!;
            var captures = (IReadOnlyList<object?>)map["captures"]!;
            yield return new Pv(captures.Count > 0
                ? captures.Select(c => ((IReadOnlyDictionary<string, object?>)c!)["string"]).ToList()
                : map["string"], null);
        }
    }

    private static List<object?> RegexSplit(object? input, object? re, object? flags)
    {
        var (pattern, f) = ReArgs(re, flags);
        var s = input as string ?? throw new JqRuntimeException($"{JqValues.Describe(input)} cannot be matched, as it is not a string");
        var parts = new List<object?>();
        var previous = 0;
        foreach (var m in Matches(s, pattern, f, forceGlobal: true))
        {
            if (m.Length == 0 && (m.Index == 0 || m.Index == s.Length))
            {
                continue;
            }

            parts.Add(s[previous..m.Index]);
            previous = m.Index + m.Length;
        }

        parts.Add(s[previous..]);
        return parts;
    }

    /// <summary>
    /// <c>sub</c>/<c>gsub</c>: the replacement is a jq expression run on the capture object; when it yields
    /// several strings the results multiply out (first match outermost).
    /// </summary>
    private static IEnumerable<Pv> Substitute(JqInterpreter it, object? input, object? re, JqNode replacement, object? flags, JqEnv env, bool global)
    {
        var (pattern, f) = ReArgs(re, flags);
        var s = input as string ?? throw new JqRuntimeException($"{JqValues.Describe(input)} cannot be matched, as it is not a string");
        var (regex, _, _) = Compile(pattern, f);
        var matches = Matches(s, pattern, global ? "g" + f : f).ToList();
        var pieces = new List<(int Start, int End, List<string> Replacements)>();
        foreach (var m in matches)
        {
            var capture = CaptureObject(MatchObject(s, m, regex));
            var replacements = it.Values(replacement, capture, env)
                .Select(r => r as string ?? throw new JqRuntimeException($"{JqValues.Describe(capture)} cannot be added to a string"))
                .ToList();
            pieces.Add((m.Index, m.Index + m.Length, replacements));
        }

        return Combine(s, pieces, 0, 0, new StringBuilder()).Select(r => new Pv(r, null));
    }

    private static IEnumerable<string> Combine(string s, List<(int Start, int End, List<string> Replacements)> pieces, int index, int from, StringBuilder built)
    {
        if (index == pieces.Count)
        {
            yield return built + s[from..];
            yield break;
        }

        var (start, end, replacements) = pieces[index];
        foreach (var r in replacements)
        {
            var next = new StringBuilder(built.ToString()).Append(s, from, start - from).Append(r);
            foreach (var result in Combine(s, pieces, index + 1, end, next))
            {
                yield return result;
            }
        }
    }
}
