using System.Text;

namespace Serverless.Reliability.Tests.Fuzzing;

/// <summary>
/// Mutates flow YAML the ways users and attackers break it: truncation, swapped types, duplicate keys,
/// deep nesting, huge strings, alias bombs, invalid UTF-8, stray characters, tags and directives.
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class YamlMutator(Random random)
{
    private static readonly string[] Replacements =
    [
        "[1, 2]", "{a: b}", "123", "-1", "1.5e308", "true", "null", "~", "''", "\"\"", "[]", "{}", "*undefined",
        "&a x", "!!binary aGVsbG8=", "!custom v", "? complex", "{{ inputs.x }}", "PT-1S", "P99999999D", "|\n  block",
        ">-\n  folded", "'unterminated", "\"unterminated", "0x1F", "0o17", ".inf", "-.nan", "2025-13-45", "- item",
        "key: value: other", "@", "`", "%", "\t", "\\u0000", "\"\\uD800\"", "\u202e", "\0",
    ];

    private static readonly string[] Insertions =
    [
        "\n---\n", "%YAML 1.2\n---\n", "%TAG ! tag:x,2000:\n", "\uFEFF", "\t", "\r", "\r\n", "\0", "#", ": ", "- ",
        "? ", "&anchor ", "*anchor", "<<: *anchor\n", "!!map ", "!!seq ", "!!str ", "{", "}", "[", "]", ",", "'", "\"",
        "|", ">", "\\", "\u2028", "\uD800", "\uDFFF", "\uFFFE", "\u0085", "  ", "\n  ", "\n- id: x\n  type: y\n",
    ];

    private readonly Random _random = random;

    /// <summary>One to three mutations of <paramref name="seed"/>.</summary>
    public string Mutate(string seed)
    {
        var text = seed;
        var count = _random.Next(2) == 0 ? 1 : _random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            text = _random.Next(14) switch
            {
                0 => Truncate(text),
                1 => SwapValue(text),
                2 => DuplicateLine(text),
                3 => DeepNesting(text),
                4 => HugeString(text),
                5 => AliasBomb(text),
                6 => InvalidUtf8(text),
                7 => Insert(text),
                8 => DeleteSpan(text),
                9 => Reindent(text),
                10 => SpliceLines(text),
                11 => DuplicateKeyBlock(text),
                12 => ControlCharacters(text),
                _ => SwapValue(Insert(text)),
            };
        }

        return text;
    }

    private string Truncate(string text) => text[.._random.Next(text.Length + 1)];

    private string SwapValue(string text)
    {
        var lines = Lines(text);
        var index = _random.Next(lines.Count);
        var line = lines[index];
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var dash = line.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? line.IndexOf("- ", StringComparison.Ordinal) + 2 : -1;
        var cut = colon >= 0 ? colon + 2 : dash >= 0 ? dash : line.Length;
        lines[index] = line[..cut] + Pick(Replacements);
        return Join(lines);
    }

    private string DuplicateLine(string text)
    {
        var lines = Lines(text);
        var index = _random.Next(lines.Count);
        lines.Insert(index, lines[index]);
        return Join(lines);
    }

    private string DuplicateKeyBlock(string text)
    {
        var lines = Lines(text);
        var start = _random.Next(lines.Count);
        var length = _random.Next(1, Math.Min(8, lines.Count - start) + 1);
        lines.InsertRange(start + length, lines.GetRange(start, length));
        return Join(lines);
    }

    private string DeepNesting(string text)
    {
        var depth = _random.Next(4) switch
        {
            0 => _random.Next(50, 100),
            1 => _random.Next(100, 1_000),
            2 => _random.Next(1_000, 20_000),
            _ => _random.Next(20_000, 200_000),
        };
        var nested = _random.Next(4) switch
        {
            0 => new string('[', depth) + new string(']', depth),
            1 => string.Concat(Enumerable.Repeat("{a: ", depth)) + "x" + new string('}', depth),
            2 => new string('[', depth),
            _ => Indented(Math.Min(depth, 3_000)),
        };
        return InsertValue(text, nested);
    }

    private static string Indented(int depth)
    {
        var sb = new StringBuilder("\n");
        for (var i = 0; i < depth; i++)
        {
            sb.Append(' ', i + 2).Append("k:\n");
        }

        return sb.Append(' ', depth + 2).Append("v\n").ToString();
    }

    private string HugeString(string text)
    {
        var length = _random.Next(3) switch
        {
            0 => _random.Next(1_000, 100_000),
            1 => _random.Next(100_000, 1_000_000),
            _ => _random.Next(1_000_000, 5_000_000),
        };
        var fill = _random.Next(3) switch
        {
            0 => new string('x', length),
            1 => "\"" + new string('\\', length - length % 2) + "\"",
            _ => string.Concat(Enumerable.Repeat("{{ a }}", length / 7)),
        };
        return InsertValue(text, fill);
    }

    private string AliasBomb(string text)
    {
        var levels = _random.Next(3, 12);
        var width = _random.Next(2, 10);
        var sb = new StringBuilder("a0: &a0 [\"lol\"]\n");
        for (var level = 1; level <= levels; level++)
        {
            sb.Append('a').Append(level).Append(": &a").Append(level).Append(" [");
            sb.AppendJoin(", ", Enumerable.Repeat("*a" + (level - 1), width));
            sb.Append("]\n");
        }

        var bomb = sb.ToString();
        return _random.Next(3) switch
        {
            0 => bomb + text,
            1 => text + "\nvariables:\n" + Indent(bomb) + "  last: *a" + levels + "\n",
            _ => text.Replace("tasks:", "x-bomb:\n" + Indent(bomb) + "tasks:", StringComparison.Ordinal),
        };
    }

    private static string Indent(string block) => string.Concat(block.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n"));

    private string InvalidUtf8(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        byte[][] bad = [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFE, 0xFF]];
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            bytes.InsertRange(_random.Next(bytes.Count + 1), Pick(bad));
        }

        // What the API sees after decoding a body that was not UTF-8 (replacement characters), unless it refuses it first.
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private string Insert(string text)
    {
        var at = _random.Next(text.Length + 1);
        return text[..at] + Pick(Insertions) + text[at..];
    }

    private string DeleteSpan(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = _random.Next(text.Length);
        var length = _random.Next(1, Math.Min(40, text.Length - at) + 1);
        return text.Remove(at, length);
    }

    private string Reindent(string text)
    {
        var lines = Lines(text);
        var index = _random.Next(lines.Count);
        lines[index] = _random.Next(3) switch
        {
            0 => lines[index].TrimStart(),
            1 => new string(' ', _random.Next(1, 9)) + lines[index],
            _ => "\t" + lines[index],
        };
        return Join(lines);
    }

    private string SpliceLines(string text)
    {
        var other = Lines(YamlSeeds.All[_random.Next(YamlSeeds.All.Count)]);
        var lines = Lines(text);
        var from = _random.Next(other.Count);
        var length = _random.Next(1, Math.Min(10, other.Count - from) + 1);
        lines.InsertRange(_random.Next(lines.Count + 1), other.GetRange(from, length));
        return Join(lines);
    }

    private string ControlCharacters(string text)
    {
        var chars = text.ToCharArray();
        for (var i = _random.Next(1, 5); i > 0 && chars.Length > 0; i--)
        {
            chars[_random.Next(chars.Length)] = (char)_random.Next(0, 0x20);
        }

        return new string(chars);
    }

    private string InsertValue(string text, string value)
    {
        var lines = Lines(text);
        var index = _random.Next(lines.Count);
        var line = lines[index];
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        lines[index] = colon >= 0 ? line[..(colon + 2)] + value : line + value;
        return Join(lines);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    private static string Join(List<string> lines) => string.Join('\n', lines);
}
