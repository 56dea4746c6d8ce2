namespace Serverless.Engine.Expressions.Jq;

/// <summary>A built-in implemented in C#: it gets its arguments unevaluated (jq passes closures).</summary>
internal delegate IEnumerable<Pv> JqNative(JqInterpreter it, Pv input, IReadOnlyList<JqNode> args, JqEnv env, bool paths);

/// <summary>
/// The built-ins implemented natively, keyed <c>name/arity</c>: the ones jq itself writes in C, plus the
/// generators (<c>range</c>, <c>limit</c>, <c>until</c>, <c>recurse</c>…) that would otherwise recurse once per
/// output. The rest are jq definitions in <see cref="JqPrelude"/>.
/// </summary>
internal static partial class JqBuiltins
{
    public static readonly Dictionary<string, JqNative> Natives = Build();

    private static Dictionary<string, JqNative> Build()
    {
        var n = new Dictionary<string, JqNative>(StringComparer.Ordinal);
        RegisterCore(n);
        RegisterGenerators(n);
        RegisterCollections(n);
        RegisterStrings(n);
        RegisterRegex(n);
        RegisterMath(n);
        RegisterDates(n);
        return n;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static JqNative V0(Func<object?, object?> f) => (_, input, _, _, _) => [new Pv(f(input.V), null)];

    private static JqNative V1(Func<object?, object?, object?> f) => (it, input, args, env, _) =>
        it.Values(args[0], input.V, env).Select(a => new Pv(f(input.V, a), null));

    /// <summary>Two value arguments; like jq's C functions the last argument is the outer loop.</summary>
    private static JqNative V2(Func<object?, object?, object?, object?> f) => (it, input, args, env, _) =>
        from b in it.Values(args[1], input.V, env)
        from a in it.Values(args[0], input.V, env)
        select new Pv(f(input.V, a, b), null);

    private static JqNative V3(Func<object?, object?, object?, object?, object?> f) => (it, input, args, env, _) =>
        from c in it.Values(args[2], input.V, env)
        from b in it.Values(args[1], input.V, env)
        from a in it.Values(args[0], input.V, env)
        select new Pv(f(input.V, a, b, c), null);

    /// <summary>Several value arguments multiplied out first-outermost (jq definitions with <c>$params</c>).</summary>
    private static IEnumerable<object?[]> Product(JqInterpreter it, IReadOnlyList<JqNode> args, object? input, JqEnv env, int index = 0)
    {
        if (index == args.Count)
        {
            yield return new object?[args.Count];
            yield break;
        }

        foreach (var v in it.Values(args[index], input, env))
        {
            foreach (var rest in Product(it, args, input, env, index + 1))
            {
                rest[index] = v;
                yield return rest;
            }
        }
    }

    private static string Str(object? v, string what) =>
        v as string ?? throw new JqRuntimeException($"{JqValues.Describe(v)} {what}");

    private static IReadOnlyList<object?> Arr(object? v, string what) =>
        v as IReadOnlyList<object?> ?? throw new JqRuntimeException($"{JqValues.Describe(v)} {what}");

    private static void RegisterCore(Dictionary<string, JqNative> n)
    {
        n["empty/0"] = (_, _, _, _, _) => [];
        n["not/0"] = V0(v => !JqValues.Truthy(v));
        n["error/0"] = (_, input, _, _, _) => Raise(input.V);
        n["error/1"] = (it, input, args, env, _) => it.Values(args[0], input.V, env).SelectMany(Raise);
        n["path/1"] = (it, input, args, env, _) => it.Paths(args[0], input.V, env).Select(p => new Pv(p, null));
        n["getpath/1"] = GetPath;
        n["setpath/2"] = V2((v, p, x) => JqOps.SetPath(v, Arr(p, "is not a path: Path must be specified as an array"), 0, x));
        n["delpaths/1"] = V1((v, ps) => JqOps.DelPaths(v, ps as IReadOnlyList<object?> ?? throw new JqRuntimeException("Paths must be specified as an array")));
        n["type/0"] = V0(JqValues.TypeName);
        n["length/0"] = V0(Length);
        n["utf8bytelength/0"] = V0(v => (long)System.Text.Encoding.UTF8.GetByteCount(Str(v, "only strings have UTF-8 byte length")));
        n["keys/0"] = V0(v => Keys(v, true));
        n["keys_unsorted/0"] = V0(v => Keys(v, false));
        n["has/1"] = V1(Has);
        n["contains/1"] = V1((a, b) => Contains(a, b));
        n["tojson/0"] = V0(v => JqJson.Write(v));
        n["fromjson/0"] = V0(v => JqJson.Parse(Str(v, "only strings can be parsed")));
        n["tostring/0"] = V0(JqOps.ToText);
        n["tonumber/0"] = V0(ToNumber);
        n["infinite/0"] = V0(_ => double.PositiveInfinity);
        n["nan/0"] = V0(_ => double.NaN);
        n["isinfinite/0"] = V0(v => double.IsInfinity(Num(v)));
        n["isnan/0"] = V0(v => double.IsNaN(Num(v)));
        n["isnormal/0"] = V0(v => double.IsNormal(Num(v)));
        n["now/0"] = (it, _, _, _, _) => [new Pv(it.Options.Now().ToUnixTimeMilliseconds() / 1000.0, null)];
        n["env/0"] = (it, _, _, _, _) => [new Pv(it.Options.Environment, null)];
        n["builtins/0"] = V0(_ => JqPrelude.Definitions.Keys.Concat(Natives.Keys).Where(k => !k.StartsWith('_')).Distinct().Select(k => (object?)k).ToList());
        n["input_line_number/0"] = V0(_ => 0L);
        n["input_filename/0"] = V0(_ => null);
        n["input/0"] = (_, _, _, _, _) => throw new JqRuntimeException("No more inputs");
        n["inputs/0"] = (_, _, _, _, _) => [];
        n["debug/0"] = (_, input, _, _, _) => [input];
        n["debug/1"] = (_, input, _, _, _) => [input];
        n["stderr/0"] = (_, input, _, _, _) => [input];
        n["halt/0"] = (_, _, _, _, _) => throw new JqHaltException();
        n["halt_error/0"] = (_, input, _, _, _) => throw new JqRuntimeException(input.V is string s ? s : JqJson.Write(input.V), true);
        n["halt_error/1"] = (_, input, _, _, _) => throw new JqRuntimeException(input.V is string s ? s : JqJson.Write(input.V), true);
        n["format/1"] = V1((v, f) => JqFormats.Apply(Str(f, "is not a valid format"), v));
        n["have_literal_numbers/0"] = V0(_ => true);
        n["have_decnum/0"] = V0(_ => false);
        n["tostream/0"] = (_, input, _, _, _) => ToStream(input.V).Select(e => new Pv(e, null));
        n["ltrimstr/1"] = V1((v, p) => v is string s && p is string x && s.StartsWith(x, StringComparison.Ordinal) ? s[x.Length..] : v);
        n["rtrimstr/1"] = V1((v, p) => v is string s && p is string x && s.EndsWith(x, StringComparison.Ordinal) && x.Length > 0 ? s[..^x.Length] : v);
    }

    private static IEnumerable<Pv> Raise(object? value)
    {
        // jq 1.7 treats error(null) like a backtrack (jq.test: [1,error,2] on null gives [1,2]).
        if (value is null)
        {
            return [];
        }

        throw new JqRuntimeException(value);
    }

    private static IEnumerable<Pv> GetPath(JqInterpreter it, Pv input, IReadOnlyList<JqNode> args, JqEnv env, bool paths)
    {
        foreach (var p in it.Values(args[0], input.V, env))
        {
            var path = p as IReadOnlyList<object?> ?? throw new JqRuntimeException("Path must be specified as an array");
            var value = JqOps.GetPath(input.V, path, 0);
            if (paths && input.P is null)
            {
                throw new JqRuntimeException($"Invalid path expression with result {JqInterpreter.DumpLong(input.V)}");
            }

            yield return new Pv(value, paths ? input.P!.AppendAll(path) : null);
        }
    }

    private static double Num(object? v) => v is long or double
        ? JqValues.ToDouble(v)
        : throw new JqRuntimeException($"{JqValues.Describe(v)} number required");

    private static object? Length(object? v) => v switch
    {
        null => 0L,
        bool => throw new JqRuntimeException($"{JqValues.Describe(v)} has no length"),
        long l => l == long.MinValue ? -(double)l : Math.Abs(l),
        double d => Math.Abs(d),
        string s => (long)JqOps.Codepoints(s).Count,
        IReadOnlyList<object?> list => (long)list.Count,
        IReadOnlyDictionary<string, object?> map => (long)map.Count,
        _ => 0L,
    };

    private static List<object?> Keys(object? v, bool sorted) => v switch
    {
        IReadOnlyDictionary<string, object?> map => (sorted ? JqValues.SortedKeys(map) : map.Keys).Select(k => (object?)k).ToList(),
        IReadOnlyList<object?> list => Enumerable.Range(0, list.Count).Select(i => (object?)(long)i).ToList(),
        _ => throw new JqRuntimeException($"{JqValues.Describe(v)} has no keys"),
    };

    private static object? Has(object? v, object? k) => (v, k) switch
    {
        (IReadOnlyDictionary<string, object?> map, string key) => map.ContainsKey(key),
        (IReadOnlyList<object?> list, long or double) => JqValues.ToDouble(k) is var d && !double.IsNaN(d) && d >= 0 && d < list.Count,
        _ => throw new JqRuntimeException($"Cannot check whether {JqValues.TypeName(v)} has a {JqValues.TypeName(k)} key"),
    };

    /// <summary><c>contains</c>: different kinds are an error at the top and simply "not contained" below it, as in jq.</summary>
    public static bool Contains(object? a, object? b)
    {
        if (JqValues.TypeName(a) != JqValues.TypeName(b))
        {
            throw new JqRuntimeException($"{JqValues.Describe(a)} and {JqValues.Describe(b)} cannot have their containment checked");
        }

        return ContainsWithin(a, b);
    }

    private static bool ContainsWithin(object? a, object? b) => (a, b) switch
    {
        (IReadOnlyDictionary<string, object?> ma, IReadOnlyDictionary<string, object?> mb) =>
            mb.All(kv => ma.TryGetValue(kv.Key, out var av) && ContainsWithin(av, kv.Value)),
        (IReadOnlyList<object?> la, IReadOnlyList<object?> lb) => lb.All(y => la.Any(x => ContainsWithin(x, y))),
        (string sa, string sb) => sa.Contains(sb, StringComparison.Ordinal),
        _ => JqValues.TypeName(a) == JqValues.TypeName(b) && JqValues.Equal(a, b),
    };

    private static object? ToNumber(object? v)
    {
        if (v is long or double)
        {
            return v;
        }

        if (v is string s)
        {
            var trimmed = s.Trim();
            var number = trimmed is "nan" or "NaN" ? double.NaN : JqJson.ParseNumber(trimmed);
            return number ?? throw new JqRuntimeException($"Cannot parse '{s}' as JSON");
        }

        throw new JqRuntimeException($"{JqValues.Describe(v)} cannot be parsed as a number");
    }

    /// <summary><c>tostream</c>: leaves as <c>[path, value]</c>, and <c>[path]</c> after the last child of a container.</summary>
    private static IEnumerable<object?> ToStream(object? root)
    {
        // A frame is a value to stream, or (Closing) the closing event of a container already streamed.
        var stack = new Stack<(object? Value, List<object?> Path, bool Closing)>();
        stack.Push((root, [], false));
        while (stack.Count > 0)
        {
            var (value, path, closing) = stack.Pop();
            if (closing)
            {
                yield return new List<object?> { path };
                continue;
            }

            var children = value switch
            {
                IReadOnlyList<object?> l when l.Count > 0 => l.Select((x, i) => (Key: (object?)(long)i, Value: x)).ToList(),
                IReadOnlyDictionary<string, object?> m when m.Count > 0 => m.Select(kv => (Key: (object?)kv.Key, Value: kv.Value)).ToList(),
                _ => null,
            };
            if (children is null)
            {
                yield return new List<object?> { path, value };
                continue;
            }

            stack.Push((null, new List<object?>(path) { children[^1].Key }, true));
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i].Value, new List<object?>(path) { children[i].Key }, false));
            }
        }
    }
}
