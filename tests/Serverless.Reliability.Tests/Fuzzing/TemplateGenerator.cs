using System.Text;

namespace Serverless.Reliability.Tests.Fuzzing;

/// <summary>
/// Random Pebble/Kestra templates: a fragment soup (most cases are broken) mixed with well-formed
/// constructs aimed at the limits — huge ranges, nested loops, self-rendering variables, string doubling,
/// deep parentheses and filter chains.
/// </summary>
public sealed class TemplateGenerator(Random random)
{
    private static readonly string[] Fragments =
    [
        "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "if", "elseif", "else", "endif", "for", "in", "endfor",
        "set", "=", "raw", "endraw", "filter", "endfilter", "macro", "inputs", "outputs", "vars", ".", "x", "list", "map", "name",
        "[", "]", "(", ")", "{", "}", ",", ":", "?", "??", "???", "|", "upper", "join", "default", "date", "jq", "length", "split",
        "replace", "+", "-", "*", "/", "%", "~", "==", "!=", "<", ">", "and", "or", "not", "is", "defined", "null", "empty", "..",
        "'a'", "\"b#{1}\"", "0", "1", "2.5", "-1", "9999999999999999999", "1e308", "true", "none", "range", "render", "now", "json",
        "'{\"a\":1}'", "loop", "index", " ", "\n", "text", "\\", "'", "\"", "#{", "@", "max", "'yyyy'", "'DAYS'", "dateAdd", "slice",
        "chunk", "fromJson", "toJson", "abs", "number", "keys", "values", "sort", "reverse", "first", "last", "merge", "title",
        "trim", "base64encode", "base64decode", "urlencode", "sha256", "uuid", "randomInt", "self", "renderOnce", "indent", "\u0000",
        "\uD800", "😀", "\u202e", "__proto__", "constructor", "class", "getClass()", "T(java.lang.Runtime)",
    ];

    private static readonly string[] Bombs =
    [
        "{% for i in range(0, 999999999) %}x{% endfor %}",
        "{% for i in range(0, 1000) %}{% for j in range(0, 1000) %}{% for k in range(0, 1000) %}x{% endfor %}{% endfor %}{% endfor %}",
        "{{ range(0, 2147483647) | length }}",
        "{{ range(0, 100000000, 1) | join(',') }}",
        "{{ render(vars.self) }}",
        "{{ render(vars.mutual1) }}",
        "{% set s = 'xxxxxxxxxxxxxxxx' %}{% for i in range(0, 64) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}",
        "{{ 'x' | indent(999999999) }}",
        "{{ (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))) }}",
        "{{ vars.deep | toJson }}",
        "{{ 9223372036854775807 + 1 }}",
        "{{ -9223372036854775808 / -1 }}",
        "{{ 1 / 0 }}", "{{ 1 % 0 }}",
        "{{ '{{' ~ '{{ x }}' ~ '}}' | render }}",
        "{% raw %}{{{% endraw %}",
        "{{ now() | dateAdd(999999999, 'YEARS') }}",
        "{{ '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' | fromJson }}",
        "{{ vars.big | jq('[.[] , .[] , .[]] | [.[], .[], .[]]') }}",
        "{{ vars.big | jq('def f: f; f') }}",
        "{{ vars.big | jq('[range(0; 100000000)]') }}",
        "{{ vars.big | jq('until(false; .)') }}",
        "{{ 'a' | replace('a', 'aa') | replace('a', 'aa') | replace('a', 'aa') | replace('a', 'aa') | replace('a', 'aa') }}",
        "{{ range(0, 99999) | chunk(1) | length }}",
        "{{ 'x' | slice(0, 2147483647) }}",
        "{{ 99999999999999999999999999999999 }}",
    ];

    private readonly Random _random = random;

    public string Next() => _random.Next(10) switch
    {
        0 => Bombs[_random.Next(Bombs.Length)],
        1 => Mix(Bombs[_random.Next(Bombs.Length)]),
        2 => Nested(_random.Next(1, 300)),
        _ => Soup(),
    };

    private string Soup()
    {
        var sb = new StringBuilder();
        if (_random.Next(3) > 0)
        {
            sb.Append(_random.Next(2) == 0 ? "{{ " : "{% if ");
        }

        var count = _random.Next(1, 24);
        for (var i = 0; i < count; i++)
        {
            sb.Append(Fragments[_random.Next(Fragments.Length)]).Append(_random.Next(3) == 0 ? string.Empty : " ");
        }

        var text = sb.ToString();
        return text.StartsWith("{{ ", StringComparison.Ordinal) ? text + " }}"
            : text.StartsWith("{% if ", StringComparison.Ordinal) ? text + " %}y{% endif %}"
            : text;
    }

    private string Mix(string bomb)
    {
        var at = _random.Next(bomb.Length + 1);
        return bomb[..at] + Fragments[_random.Next(Fragments.Length)] + bomb[at..];
    }

    private string Nested(int depth) => _random.Next(4) switch
    {
        0 => "{{ " + new string('(', depth) + "1" + new string(')', depth) + " }}",
        1 => string.Concat(Enumerable.Repeat("{% if true %}", depth)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", depth)),
        2 => string.Concat(Enumerable.Repeat("{% for i in [1, 2] %}", depth)) + "x" + string.Concat(Enumerable.Repeat("{% endfor %}", depth)),
        _ => "{{ 'a'" + string.Concat(Enumerable.Repeat(" | upper", depth * 10)) + " }}",
    };
}
