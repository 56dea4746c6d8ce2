namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// The built-ins jq 1.7 defines in jq itself, written here from the manual's descriptions. Parsed once;
/// their bodies see only each other and the natives (never a user's definitions), as in jq.
/// </summary>
internal static class JqPrelude
{
    private const string Source = """
        def values: select(. != null);
        def nulls: select(. == null);
        def booleans: select(type == "boolean");
        def numbers: select(type == "number");
        def strings: select(type == "string");
        def arrays: select(type == "array");
        def objects: select(type == "object");
        def iterables: select(type|. == "array" or . == "object");
        def scalars: select(type|. != "array" and . != "object");
        def finites: select(isinfinite or isnan | not);
        def normals: select(isnormal);
        def select(f): if f then . else empty end;
        def map(f): [.[] | f];
        def map_values(f): .[] |= f;
        def recurse: recurse(.[]?);
        def to_entries: [keys_unsorted[] as $k | {key: $k, value: .[$k]}];
        def from_entries: reduce .[] as $x ({};
            . + { ($x | if .key == null then .k // .name // .Name // .K // .Key else .key end
                      | if type == "string" then . else tojson end):
                  ($x | if has("value") then .value elif has("v") then .v else .Value end) });
        def with_entries(f): to_entries | map(f) | from_entries;
        def add(f): reduce f as $x (null; . + $x);
        def any: reduce .[] as $x (false; . or $x);
        def all: reduce .[] as $x (true; . and $x);
        def any(f): reduce (.[] | f) as $x (false; . or $x);
        def all(f): reduce (.[] | f) as $x (true; . and $x);
        def any(g; cond): isempty(first(g | cond | select(.))) | not;
        def all(g; cond): isempty(first(g | cond | select(. | not)));
        def range($x): range(0; $x);
        def in(xs): . as $x | xs | has($x);
        def inside(xs): . as $x | xs | contains($x);
        def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $w | [$x] + $w end;
        def combinations(n): . as $dot | [range(n)] | map($dot) | combinations;
        def walk(f): def w: if type == "object" then map_values(w) elif type == "array" then map(w) else . end | f; w;
        def first: .[0];
        def last: .[-1];
        def nth($n): .[$n];
        def paths: path(..) | select(length > 0);
        def paths(node_filter): . as $dot | paths | select(. as $p | $dot | getpath($p) | node_filter);
        def leaf_paths: paths(scalars);
        def del(f): delpaths([path(f)]);
        def pick(pathexps): . as $top | reduce path(pathexps) as $p (null; setpath($p; $top | getpath($p)));
        def isvalid(f): try (f | true) catch false;
        def todate: strftime("%Y-%m-%dT%H:%M:%SZ");
        def todateiso8601: strftime("%Y-%m-%dT%H:%M:%SZ");
        def fromdateiso8601: strptime("%Y-%m-%dT%H:%M:%SZ") | mktime;
        def fromdate: fromdateiso8601;
        def dateadd(u; n): . + n;
        def datesub(u; n): . - n;
        def date: todate;
        def capture(re; mods): match(re; mods) | [.captures[] | select(.name != null) | {key: .name, value: .string}] | from_entries;
        def fromstream(f): {x: null, e: false} as $init
            | foreach f as $i ($init;
                if .e then $init else . end
                | if $i | length == 2
                  then setpath(["e"]; $i[0] | length == 0) | setpath(["x"] + $i[0]; $i[1])
                  else setpath(["e"]; $i[0] | length == 1) end;
                if .e then .x else empty end);
        def truncate_stream(stream): . as $n | null | stream | . as $input | if (.[0] | length) > $n then setpath([0]; .[0][$n:]) else empty end;
        def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] |= $row);
        def INDEX(idx_expr): INDEX(.[]; idx_expr);
        def IN(s): any(s == .; .);
        def IN(src; s): any(src == s; .);
        def JOIN($idx; idx_expr): [.[] | [., $idx[idx_expr]]];
        def JOIN($idx; stream; idx_expr): stream | [., $idx[idx_expr]];
        def JOIN($idx; stream; idx_expr; join_expr): stream | [., $idx[idx_expr]] | join_expr;
        def nwise($n): if $n <= 0 then error("nwise: argument should be non-negative") else def n: if length <= $n then . else .[0:$n], (.[$n:] | n) end; n end;
        """;

    public static readonly Dictionary<string, FuncDef> Definitions = Load();

    private static Dictionary<string, FuncDef> Load()
    {
        var defs = new Dictionary<string, FuncDef>(StringComparer.Ordinal);
        var node = JqParser.Parse(Source + " .");
        while (node is DefNode d)
        {
            defs[d.Def.Key] = d.Def;
            node = d.Rest;
        }

        return defs;
    }
}
