namespace Serverless.Engine.Tests.Expressions;

public class ExpressionTagTests
{
    [Theory]
    // if / elseif / else and truthiness
    [InlineData("{% if inputs.flag %}yes{% endif %}", "yes")]
    [InlineData("{% if inputs.x == 2 %}a{% elseif inputs.x == 1 %}b{% else %}c{% endif %}", "b")]
    [InlineData("{% if false %}a{% else %}c{% endif %}", "c")]
    [InlineData("{% if inputs.missing is defined %}a{% else %}undefined{% endif %}", "undefined")]
    [InlineData("{% if inputs.missing is not defined or inputs.missing == 1 %}ok{% endif %}", "ok")]
    [InlineData("{% if null %}t{% else %}f{% endif %}", "f")]
    [InlineData("{% if 0 %}t{% else %}f{% endif %}", "f")]
    [InlineData("{% if 0.0 %}t{% else %}f{% endif %}", "f")]
    [InlineData("{% if '' %}t{% else %}f{% endif %}", "f")]
    [InlineData("{% if [] %}t{% else %}f{% endif %}", "f")]
    [InlineData("{% if {} %}t{% else %}f{% endif %}", "f")]
    [InlineData("{% if 'false' %}t{% else %}f{% endif %}", "t")]
    [InlineData("{% if 2 %}t{% else %}f{% endif %}", "t")]
    [InlineData("{% if [0] %}t{% else %}f{% endif %}", "t")]
    [InlineData("{% if not inputs.flag and false %}t{% else %}f{% endif %}", "t")]
    // for loops
    [InlineData("{% for i in inputs.list %}{{ i }},{% endfor %}", "1,2,3,")]
    [InlineData("{% for i in [] %}x{% else %}empty{% endfor %}", "empty")]
    [InlineData("{% for i in ['a','b','c'] %}{{ loop.index }}{{ loop.revindex }}{{ loop.length }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %} {% endfor %}", "023F 113 203L ")]
    [InlineData("{% for e in inputs.map %}{{ e.key }}={{ e.value }};{% endfor %}", "a=1;b=2;")]
    [InlineData("{% for k, v in inputs.map %}{{ k }}:{{ v }} {% endfor %}", "a:1 b:2 ")]
    [InlineData("{% for i in 1..3 %}{% for j in range(1, 2) %}{{ i * j }} {% endfor %}{% endfor %}", "1 2 2 4 3 6 ")]
    [InlineData("{% for i in [1, 2] %}{{ loop.index }}{% for j in [1, 2] %}{{ loop.index }}{% endfor %}{{ loop.index }}|{% endfor %}", "0010|1011|")]
    // set
    [InlineData("{% set x = 'a' ~ inputs.name %}{{ x }}", "aWorld")]
    [InlineData("{% set total = 0 %}{% for i in inputs.list %}{% set total = total + i %}{% endfor %}{{ total }}", "6")]
    [InlineData("{% set inputs = 'shadowed' %}{{ inputs }}", "shadowed")]
    // raw and filter blocks
    [InlineData("{% raw %}{{ not rendered }}{% endraw %}", "{{ not rendered }}")]
    [InlineData("a{% raw %} {% if %} {% endraw %}b", "a {% if %} b")]
    [InlineData("{% filter upper %}hello {{ inputs.name }}{% endfilter %}", "HELLO WORLD")]
    [InlineData("{% filter lower | replace({'w': 'W'}) %}WORLD{% endfilter %}", "World")]
    // Whitespace: kept by default, trimmed with - markers
    [InlineData("a\n{% if true %}\nb\n{% endif %}\nc", "a\n\nb\n\nc")]
    [InlineData("a\n{%- if true -%}\nb\n{%- endif -%}\nc", "abc")]
    [InlineData("a   {{- 'b' -}}   c", "abc")]
    [InlineData("a  {{ 'b' -}}\n\n  c", "a  bc")]
    [InlineData("a \n {#- comment -#} \n b", "ab")]
    [InlineData("[\n{%- for i in [1, 2] %}\n  {{ i }}\n{%- endfor %}\n]", "[\n  1\n  2\n]")]
    // Kestra-style multi-line templates keep their text
    [InlineData("line1\n{{ inputs.x }}\nline3", "line1\n1\nline3")]
    [InlineData("{ \"a\": {{ inputs.map | toJson }} }", "{ \"a\": {\"a\":1,\"b\":2} }")]
    public void Render_Tags_ProduceExpectedText(string template, string expected)
    {
        Assert.Equal(expected, TestScopes.Render(template));
    }
}
