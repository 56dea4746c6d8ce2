using Serverless.Engine.Expressions.Jq;

namespace Serverless.Engine.Tests.Expressions.Jq;

/// <summary>
/// Table tests per jq feature area: each row is a program, an input (JSON) and every output the program
/// must emit, written as a JSON array. Expectations are jq 1.7's own outputs.
/// </summary>
public sealed class JqFeatureTests
{
    private static string Run(string program, string input) =>
        JqJson.Write(JqProgram.Parse(program).Run(JqJson.Parse(input)));

    [Theory]
    [InlineData(".a.b", """{"a":{"b":1}}""", "[1]")]
    [InlineData(".a?", "[1]", "[]")]
    [InlineData(".[\"a-b\"]", """{"a-b":2}""", "[2]")]
    [InlineData(".[1:]", "[1,2,3]", "[[2,3]]")]
    [InlineData(".[-1]", "[1,2,3]", "[3]")]
    [InlineData(".[2:4]", "\"abcdef\"", "[\"cd\"]")]
    [InlineData("[.[] | .x]", """[{"x":1},{"x":2}]""", "[[1,2]]")]
    [InlineData("[..|numbers]", """{"a":[1,{"b":2}]}""", "[[1,2]]")]
    [InlineData(".missing.deeper", "{}", "[null]")]
    public void Paths_FieldsIndexesSlicesAndIteration_SelectLikeJq(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("1, 2 | . * 10", "null", "[10,20]")]
    [InlineData("[.[] | select(. > 1)]", "[1,2,3]", "[[2,3]]")]
    [InlineData("[range(5)]", "null", "[[0,1,2,3,4]]")]
    [InlineData("[range(0; 10; 3)]", "null", "[[0,3,6,9]]")]
    [InlineData("[limit(2; .[])]", "[5,6,7]", "[[5,6]]")]
    [InlineData("first(.[]), last(.[]), nth(1; .[])", "[5,6,7]", "[5,7,6]")]
    [InlineData("[.[] | empty]", "[1]", "[[]]")]
    [InlineData("[label $f | .[] | if . == 3 then break $f else . end]", "[1,2,3,4]", "[[1,2]]")]
    [InlineData("[until(. > 100; . * 2)]", "1", "[[128]]")]
    [InlineData("[while(. < 10; . + 4)]", "1", "[[1,5,9]]")]
    [InlineData("[limit(4; repeat(. * 2))]", "1", "[[1,2,4,8]]")]
    [InlineData("[recurse(if . < 3 then . + 1 else empty end)]", "0", "[[0,1,2,3]]")]
    [InlineData("isempty(empty), isempty(1)", "null", "[true,false]")]
    public void Generators_CommaPipeAndBacktracking_EmitInJqOrder(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("reduce .[] as $x (0; . + $x)", "[1,2,3]", "[6]")]
    [InlineData("[foreach .[] as $x (0; . + $x)]", "[1,2,3]", "[[1,3,6]]")]
    [InlineData("[foreach .[] as $x (0; . + $x; [$x, .])]", "[1,2]", "[[[1,1],[2,3]]]")]
    [InlineData("reduce .[] as [$k, $v] ({}; .[$k] = $v)", """[["a",1],["b",2]]""", """[{"a":1,"b":2}]""")]
    public void ReduceAndForeach_FoldTheStream_WithDestructuring(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("def inc: . + 1; [.[] | inc]", "[1,2]", "[[2,3]]")]
    [InlineData("def twice(f): f | f; twice(. * 3)", "2", "[18]")]
    [InlineData("def add3($a; $b; $c): $a + $b + $c; add3(1; 2; 3)", "null", "[6]")]
    [InlineData("def f($a): a + $a; f(5)", "null", "[10]")]
    [InlineData("def fac: if . <= 1 then 1 else . * (. - 1 | fac) end; fac", "10", "[3628800]")]
    [InlineData("1 as $x | def f: $x; 2 as $x | f", "null", "[1]")]
    [InlineData("def map(f): \"mine\"; [1] | map(. + 1)", "null", "[\"mine\"]")]
    public void Functions_ClosuresParamsAndRecursion_FollowLexicalScope(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData(". as [$a, $b] | $b", "[1,2]", "[2]")]
    [InlineData(". as {a: $x, $b} | [$x, $b]", """{"a":1,"b":2}""", "[[1,2]]")]
    [InlineData(". as {$a: [$first]} | [$a, $first]", """{"a":[9]}""", "[[[9],9]]")]
    [InlineData(".[] as [$a] ?// $a | $a", "[[1],2]", "[1,2]")]
    public void Destructuring_PatternsAndAlternatives_BindVariables(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("{a, b: 2}", """{"a":1}""", """[{"a":1,"b":2}]""")]
    [InlineData("1 as $x | {$x}", "null", """[{"x":1}]""")]
    [InlineData("{(.k): .v}", """{"k":"name","v":3}""", """[{"name":3}]""")]
    [InlineData("{\"k\\(1 + 1)\": 1}", "null", """[{"k2":1}]""")]
    [InlineData("{a: (1, 2)}", "null", """[{"a":1},{"a":2}]""")]
    [InlineData("{@base64 \"x\\(.)\": 1}", "\"y\"", """[{"xeQ==":1}]""")]
    [InlineData("{$__loc__}", "null", """[{"__loc__":{"file":"<top-level>","line":1}}]""")]
    public void ObjectConstruction_ShorthandsComputedKeysAndGenerators_BuildObjects(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("\"v=\\(.a)\"", """{"a":[1]}""", "[\"v=[1]\"]")]
    [InlineData("@csv", """[1,"a\"b",null,true]""", "[\"1,\\\"a\\\"\\\"b\\\",,true\"]")]
    [InlineData("@tsv", """["a\tb","c"]""", "[\"a\\\\tb\\tc\"]")]
    [InlineData("@sh \"echo \\(.)\"", "\"it's\"", "[\"echo 'it'\\\\''s'\"]")]
    [InlineData("@uri", "\"a b&c\"", "[\"a%20b%26c\"]")]
    [InlineData("@html", "\"<a href='x'>\"", "[\"&lt;a href=&#39;x&#39;&gt;\"]")]
    [InlineData("@base64, (@base64 | @base64d)", "\"hé\"", "[\"aMOp\",\"hé\"]")]
    [InlineData("@json \"v: \\(.)\"", "[1,\"x\"]", "[\"v: [1,\\\"x\\\"]\"]")]
    [InlineData("@base32, (@base32 | @base32d)", "\"abc\"", "[\"MFRGG===\",\"abc\"]")]
    public void Strings_InterpolationAndFormats_EscapeLikeJq(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("[1, 1.5, 10 / 4, 4 / 2, 1e3]", "null", "[[1,1.5,2.5,2,1000]]")]
    [InlineData("{a: 1} + {b: 2}", "null", """[{"a":1,"b":2}]""")]
    [InlineData("{a: {b: 1, c: 2}} * {a: {c: 3}}", "null", """[{"a":{"b":1,"c":3}}]""")]
    [InlineData("[1,2,3,1] - [1]", "null", "[[2,3]]")]
    [InlineData("\"ab\" * 3, \"a,b\" / \",\"", "null", "[\"ababab\",[\"a\",\"b\"]]")]
    [InlineData("[null, true, false, 0, \"a\", [], {}] | sort", "null", "[[null,false,true,0,\"a\",[],{}]]")]
    [InlineData("[{\"a\":2},{\"a\":1,\"b\":0}] | sort", "null", """[[{"a":2},{"a":1,"b":0}]]""")]
    [InlineData("5 % 3, -5 % 3, 7.9 % 2", "null", "[2,-2,1]")]
    [InlineData(".[0] + 0", "[9007199254740993]", "[9007199254740992]")]
    public void Arithmetic_OnNumbersStringsArraysObjects_MatchesJq(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData(".a = 1", "{}", """[{"a":1}]""")]
    [InlineData(".a |= . + 1", """{"a":1}""", """[{"a":2}]""")]
    [InlineData(".[] += 10", "[1,2]", "[[11,12]]")]
    [InlineData(".a //= 5", """{"a":null}""", """[{"a":5}]""")]
    [InlineData("del(.a, .c)", """{"a":1,"b":2,"c":3}""", """[{"b":2}]""")]
    [InlineData("to_entries", """{"a":1}""", """[[{"key":"a","value":1}]]""")]
    [InlineData("with_entries(.value += 1)", """{"a":1}""", """[{"a":2}]""")]
    [InlineData("[paths]", """{"a":[1]}""", """[[["a"],["a",0]]]""")]
    [InlineData("[leaf_paths]", """{"a":[1]}""", """[[["a",0]]]""")]
    [InlineData("getpath([\"a\",\"b\"])", "{}", "[null]")]
    [InlineData("setpath([\"a\",1]; 5)", "null", """[{"a":[null,5]}]""")]
    [InlineData("[tostream]", "[1]", "[[[[0],1],[[0]]]]")]
    [InlineData("fromstream(tostream)", """{"a":[1,{"b":2}]}""", """[{"a":[1,{"b":2}]}]""")]
    [InlineData("pick(.a.b)", """{"a":{"b":1,"c":2},"d":3}""", """[{"a":{"b":1}}]""")]
    [InlineData("walk(if type == \"number\" then . + 1 else . end)", "[1,[2]]", "[[2,[3]]]")]
    public void PathsAndAssignment_UpdateCopiesOfTheInput(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("sort_by(.n) | map(.n)", """[{"n":3},{"n":1}]""", "[[1,3]]")]
    [InlineData("group_by(.k) | map(length)", """[{"k":1},{"k":2},{"k":1}]""", "[[2,1]]")]
    [InlineData("unique_by(length)", """["a","bb","c"]""", """[["a","bb"]]""")]
    [InlineData("min_by(.x), max_by(.x)", """[{"x":2},{"x":1}]""", """[{"x":1},{"x":2}]""")]
    [InlineData("[.[] | tostring]", """[1,"a",[1]]""", """[["1","a","[1]"]]""")]
    [InlineData("map(tonumber)", """["1","2.5"]""", "[[1,2.5]]")]
    [InlineData("keys, keys_unsorted, length", """{"b":1,"a":2}""", """[["a","b"],["b","a"],2]""")]
    [InlineData("has(\"a\"), (\"a\" | in({\"a\":1}))", """{"a":1}""", "[true,true]")]
    [InlineData("contains([\"ba\"]), inside([\"bar\", \"x\"])", """["bar"]""", "[true,true]")]
    [InlineData("flatten, add, any, all", "[[1],[2]]", "[[1,2],[1,2],true,true]")]
    [InlineData("indices(\"a\"), index(\"a\"), rindex(\"a\")", "\"banana\"", "[[1,3,5],1,5]")]
    [InlineData("ltrimstr(\"x\"), rtrimstr(\"z\"), startswith(\"x\"), endswith(\"z\")", "\"xyz\"", """["yz","xy",true,true]""")]
    [InlineData("trim, ltrim, rtrim", "\"  a  \"", """["a","a  ","  a"]""")]
    [InlineData("ascii_downcase, ascii_upcase", "\"aBé\"", """["abé","ABé"]""")]
    [InlineData("explode, (explode | implode)", "\"hé\"", """[[104,233],"hé"]""")]
    [InlineData("join(\"-\")", """["a",1,null]""", "[\"a-1-\"]")]
    [InlineData("transpose", "[[1,2],[3]]", "[[[1,3],[2,null]]]")]
    [InlineData("[combinations]", "[[1,2],[3]]", "[[[1,3],[2,3]]]")]
    [InlineData("tojson, (tojson | fromjson)", """{"a":[1,"x"]}""", """["{\"a\":[1,\"x\"]}",{"a":[1,"x"]}]""")]
    [InlineData("[.[] | floor, sqrt]", "[4.5]", "[[4,2.1213203435596424]]")]
    [InlineData("pow(2; 10), log10, (16 | log2), (2.5 | round), (-2.5 | round), (2.1 | ceil), fabs", "100", "[1024,2,4,3,-3,3,100]")]
    [InlineData("infinite | isinfinite, (nan | isnan), (1 | isnormal)", "null", "[true,true,true]")]
    [InlineData("[splits(\", *\")]", "\"a, b,c\"", """[["a","b","c"]]""")]
    [InlineData("tostream | select(length == 2)", "[1]", "[[[0],1]]")]
    [InlineData("abs, toarray, ([1] | toarray)", "-3", "[3,[-3],[1]]")]
    [InlineData("getpath([\"a\"]) as $v | [$v, $__prog_args]", """{"a":1}""", "[[1,[]]]")]
    [InlineData("significand, frexp, ldexp(3; 2)", "8", "[1,[0.5,4],12]")]
    [InlineData("INDEX(.id) | keys", """[{"id":1},{"id":2}]""", """[["1","2"]]""")]
    [InlineData("env | type, ($ENV | length)", "null", """["object",0]""")]
    public void Builtins_FromTheManual_BehaveAsJq17(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("test(\"A\"; \"i\")", "\"xa\"", "[true]")]
    [InlineData("[match(\"a\"; \"g\").offset]", "\"banana\"", "[[1,3,5]]")]
    [InlineData("capture(\"(?<y>\\\\d+)-(?<m>\\\\d+)\")", "\"2024-05\"", """[{"y":"2024","m":"05"}]""")]
    [InlineData("[scan(\"c\")], [scan(\"(a)(b)\")]", "\"abcab\"", """[["c"],[["a","b"],["a","b"]]]""")]
    [InlineData("sub(\"a\"; \"o\"), gsub(\"a\"; \"o\")", "\"banana\"", """["bonana","bonono"]""")]
    [InlineData("gsub(\"(?<d>\\\\d)\"; \"<\\(.d)>\")", "\"a1b2\"", """["a<1>b<2>"]""")]
    [InlineData("split(\", *\"; null)", "\"a, b,c\"", """[["a","b","c"]]""")]
    [InlineData("[match(\"(x)?b\").captures[0].offset]", "\"b\"", "[[-1]]")]
    [InlineData("test(\"a b\"; \"x\")", "\"ab\"", "[true]")]
    [InlineData("[match(\"é\"; \"g\").offset]", "\"aébé\"", "[[1,3]]")]
    public void Regex_OnigurumaStyleFlagsAndCaptures_MatchJq(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("todate", "1425599507", "[\"2015-03-05T23:51:47Z\"]")]
    [InlineData("fromdate", "\"2015-03-05T23:51:47Z\"", "[1425599507]")]
    [InlineData("gmtime | mktime", "1425599507", "[1425599507]")]
    [InlineData("strptime(\"%d %B %Y\") | mktime", "\"5 March 2015\"", "[1425513600]")]
    [InlineData("strftime(\"%a %j %H:%M\")", "1425599507", "[\"Thu 064 23:51\"]")]
    [InlineData("dateadd(\"seconds\"; 60) | todate", "0", "[\"1970-01-01T00:01:00Z\"]")]
    public void Dates_BrokenDownTimeAndFormats_AreUtc(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Theory]
    [InlineData("try error(\"x\") catch .", "null", "[\"x\"]")]
    [InlineData("try error({a: 1}) catch .a", "null", "[1]")]
    [InlineData("[.[] | try tonumber catch \"bad\"]", """["1","x"]""", """[[1,"bad"]]""")]
    [InlineData("[.[] | .a?]", """[{"a":1},"s"]""", "[[1]]")]
    [InlineData(".a // \"default\"", "{}", "[\"default\"]")]
    [InlineData("(error(\"x\")) // 1", "null", "[1]")]
    [InlineData("try (1 + \"a\") catch .", "null", "[\"number (1) and string (\\\"a\\\") cannot be added\"]")]
    [InlineData("try ({} | .[0]) catch .", "null", "[\"Cannot index object with number\"]")]
    [InlineData("try (\"abc\" | .[0]) catch .", "null", "[\"Cannot index string with number\"]")]
    [InlineData("[.[] | if . then \"t\" elif . == false then \"f\" else \"n\" end]", "[true,false,null]", """[["t","f","n"]]""")]
    public void Errors_TryCatchOptionalAndAlternative_RecoverAsJq(string program, string input, string expected) =>
        Assert.Equal(expected, Run(program, input));

    [Fact]
    public void Run_UncaughtError_ThrowsJqRuntimeExceptionWithTheMessage()
    {
        var ex = Assert.Throws<JqRuntimeException>(() => JqProgram.Parse(".a").Run(JqJson.Parse("[1]")));
        Assert.Equal("Cannot index array with string \"a\"", ex.Message);
    }

    [Fact]
    public void Run_IntegralNumbers_ComeBackAsLongsAndNaNAsNull()
    {
        var results = JqProgram.Parse("1.0, 2.5, 3e2, nan, (1 / 3)").Run(null);
        Assert.Equal(new object?[] { 1L, 2.5, 300L, null, 1.0 / 3 }, results);
    }

    [Fact]
    public void Run_EndlessProgram_StopsAtTheStepLimit()
    {
        var ex = Assert.Throws<JqRuntimeException>(() => JqProgram.Parse("[repeat(1)]").Run(null, new JqOptions { MaxSteps = 10_000 }));
        Assert.Contains("10000 evaluation steps", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsLimit);
    }

    [Fact]
    public void Run_InfiniteRecursion_FailsCleanlyInsteadOfCrashing()
    {
        var ex = Assert.Throws<JqRuntimeException>(() => JqProgram.Parse("def f: 1 + f; f").Run(null, new JqOptions { MaxSteps = long.MaxValue }));
        Assert.Contains("too deeply", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TryCatch_DoesNotCatchALimitBreach()
    {
        Assert.Throws<JqRuntimeException>(() => JqProgram.Parse("try [range(1e9)] catch \"caught\"").Run(null, new JqOptions { MaxSteps = 1000 }));
    }

    [Fact]
    public void Run_Halt_KeepsTheOutputsSoFar()
    {
        Assert.Equal(new object?[] { 1L }, JqProgram.Parse("1, halt, 2").Run(null));
    }

    [Fact]
    public void Run_Now_UsesTheSuppliedClock()
    {
        var clock = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal(new object?[] { "2026-01-02T03:04:05Z" }, JqProgram.Parse("now | todate").Run(null, new JqOptions { Now = () => clock }));
    }

    [Fact]
    public void Parse_SameText_ReturnsTheCachedProgram()
    {
        Assert.Same(JqProgram.Parse(".cached | length"), JqProgram.Parse(".cached | length"));
    }
}
