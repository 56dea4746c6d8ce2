using System.Globalization;

namespace Serverless.Engine.Expressions;

/// <summary>
/// A useful subset of jq for the <c>jq</c> filter: paths (<c>.a.b</c>, <c>.["k"]</c>, <c>.[0]</c>, <c>.[]</c>,
/// optional <c>?</c>), pipes and the builtins <c>length keys values first last add type tostring not</c>.
/// Like Kestra, the result is always the list of every value the program emits. JSON text input is parsed.
/// </summary>
internal static class Jq
{
    public static List<object?> Run(object? input, string program, Evaluator evaluator)
    {
        if (input is string s && s.TrimStart() is ['{' or '[', ..])
        {
            input = ValueConverter.ParseJson(s);
        }

        List<object?> stream = [input];
        foreach (var stage in program.Split('|'))
        {
            var next = new List<object?>();
            foreach (var value in stream)
            {
                next.AddRange(RunStage(value, stage.Trim(), program));
                evaluator.CheckSize(next.Count);
            }

            stream = next;
        }

        return stream;
    }

    private static IEnumerable<object?> RunStage(object? value, string stage, string program)
    {
        value = ValueConverter.Normalize(value);
        switch (stage)
        {
            case "length":
                return [value switch
                {
                    null => 0L,
                    string s => (long)s.Length,
                    IReadOnlyList<object?> l => (long)l.Count,
                    IReadOnlyDictionary<string, object?> m => (long)m.Count,
                    long l => (object)Math.Abs(l),
                    double d => Math.Abs(d),
                    _ => throw new ExpressionException($"jq: {ValueOps.TypeName(value)} has no length"),
                }];
            case "keys":
                return [value is IReadOnlyDictionary<string, object?> map
                    ? map.Keys.Order(StringComparer.Ordinal).Cast<object?>().ToList()
                    : value is IReadOnlyList<object?> list ? Enumerable.Range(0, list.Count).Select(object? (i) => (long)i).ToList()
                    : throw new ExpressionException($"jq: {ValueOps.TypeName(value)} has no keys")];
            case "values":
                return [Elements(value, program).ToList()];
            case "first":
                return [Elements(value, program).FirstOrDefault()];
            case "last":
                return [Elements(value, program).LastOrDefault()];
            case "add":
                return [Add(Elements(value, program))];
            case "type":
                return [value switch
                {
                    null => "null",
                    bool => "boolean",
                    long or double => "number",
                    string => "string",
                    IReadOnlyList<object?> => "array",
                    _ => "object",
                }];
            case "tostring":
                return [value is string ? value : JsonText.Write(value)];
            case "not":
                return [!ValueOps.IsTruthy(value) || value is 0L];
            case "":
                throw new ExpressionException($"jq: empty stage in '{program}'");
        }

        if (stage[0] != '.')
        {
            throw new ExpressionException($"jq: unsupported expression '{stage}' (supported: paths, .[], length, keys, values, first, last, add, type)");
        }

        return Path([value], stage, program);
    }

    private static IEnumerable<object?> Elements(object? value, string program) => value switch
    {
        IReadOnlyList<object?> list => list,
        IReadOnlyDictionary<string, object?> map => map.Values,
        _ => throw new ExpressionException($"jq: cannot iterate over {ValueOps.TypeName(value)} in '{program}'"),
    };

    private static object? Add(IEnumerable<object?> items)
    {
        object? sum = null;
        foreach (var item in items.Select(ValueConverter.Normalize))
        {
            sum = (sum, item) switch
            {
                (null, _) => item,
                (_, null) => sum,
                (long a, long b) => a + b,
                (long or double, long or double) => ValueOps.ToDouble(sum) + ValueOps.ToDouble(item),
                (string a, string b) => a + b,
                (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Concat(b).ToList(),
                _ => throw new ExpressionException("jq: cannot add values of different types"),
            };
        }

        return sum;
    }

    private static List<object?> Path(List<object?> stream, string path, string program)
    {
        var i = 0;
        while (i < path.Length)
        {
            var optional = false;
            if (path[i] == '.')
            {
                i++;
                if (i >= path.Length || path[i] == '[')
                {
                    continue;
                }

                var start = i;
                while (i < path.Length && (char.IsLetterOrDigit(path[i]) || path[i] is '_' or '-' or '$'))
                {
                    i++;
                }

                var name = path[start..i];
                if (name.Length == 0)
                {
                    throw new ExpressionException($"jq: bad path '{path}'");
                }

                optional = i < path.Length && path[i] == '?';
                i += optional ? 1 : 0;
                stream = stream.Select(v => Get(v, name, optional)).ToList();
                continue;
            }

            if (path[i] != '[')
            {
                throw new ExpressionException($"jq: unexpected '{path[i]}' in '{program}'");
            }

            var close = path.IndexOf(']', i);
            if (close < 0)
            {
                throw new ExpressionException($"jq: missing ']' in '{program}'");
            }

            var inside = path[(i + 1)..close].Trim();
            i = close + 1;
            optional = i < path.Length && path[i] == '?';
            i += optional ? 1 : 0;
            if (inside.Length == 0)
            {
                stream = stream.SelectMany(v => v is null && optional ? [] : Elements(ValueConverter.Normalize(v), program)).ToList();
            }
            else if (inside[0] is '"' or '\'')
            {
                var key = inside.Trim('"', '\'');
                stream = stream.Select(v => Get(v, key, optional)).ToList();
            }
            else if (long.TryParse(inside, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                stream = stream.Select(v => ValueConverter.Normalize(v) switch
                {
                    IReadOnlyList<object?> list when index < 0 && -index <= list.Count => list[list.Count + (int)index],
                    IReadOnlyList<object?> list when index >= 0 && index < list.Count => list[(int)index],
                    IReadOnlyList<object?> or null => null,
                    var other => optional ? null : throw new ExpressionException($"jq: cannot index {ValueOps.TypeName(other)} with a number"),
                }).ToList();
            }
            else
            {
                throw new ExpressionException($"jq: unsupported index '[{inside}]' in '{program}'");
            }
        }

        return stream;
    }

    private static object? Get(object? value, string key, bool optional) => ValueConverter.Normalize(value) switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(key, out var v) ? v : null,
        var other => optional ? null : throw new ExpressionException($"jq: cannot index {ValueOps.TypeName(other)} with \"{key}\""),
    };
}
