namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelExpressionTests
{
    private const string Dossier = """{"fee": 150000, "applicant": {"name": "Trần Thị Bình", "age": 17}, "docs": [{"kind": "id", "ok": true}, {"kind": "photo", "ok": false}], "scores": [4, 8, 15, 16, 23, 42]}""";

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("0.1 + 0.2 = 0.3", "true")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("2 ** 10", "1024")]
    [InlineData("-(3 - 5)", "2")]
    [InlineData("1.50 * 2", "3")]
    [InlineData("\"Hà\" + \" \" + \"Nội\"", "\"Hà Nội\"")]
    [InlineData("1 < 2 and 2 < 3", "true")]
    [InlineData("5 between 1 and 5", "true")]
    [InlineData("if 2 > 1 then \"yes\" else \"no\"", "\"yes\"")]
    [InlineData("[1, 2, 3, 4][item > 2]", "[3, 4]")]
    [InlineData("[1, 2, 3][-1]", "3")]
    [InlineData("[1, 2, 3][2]", "2")]
    [InlineData("{a: 1, b: a + 1}.b", "2")]
    [InlineData("for x in [1, 2, 3] return x * x", "[1, 4, 9]")]
    [InlineData("for i in 1..3 return i", "[1, 2, 3]")]
    [InlineData("for x in [1, 2, 3] return if x = 1 then 0 else partial[-1] + x", "[0, 2, 5]")]
    [InlineData("some x in [1, 5] satisfies x > 4", "true")]
    [InlineData("every x in [1, 5] satisfies x > 4", "false")]
    [InlineData("3 in [1..5]", "true")]
    [InlineData("5 in [1..5)", "false")]
    [InlineData("1 in (1..5]", "false")]
    [InlineData("2 in [1, 2, 3]", "true")]
    [InlineData("7 in (< 3, > 6)", "true")]
    [InlineData("\"b\" in [\"a\"..\"c\"]", "true")]
    [InlineData("{f: function(n) if n <= 1 then 1 else n * f(n - 1)}.f(5)", "120")]
    [InlineData("substring(string: \"foobar\", start position: 3, length: 2)", "\"ob\"")]
    [InlineData("string join([\"a\", \"b\"], \", \", \"[\", \"]\")", "\"[a, b]\"")]
    [InlineData("string length(\"🙂ab\")", "3")]
    [InlineData("substring(\"🙂ab\", 2)", "\"ab\"")]
    [InlineData("replace(\"2024-01-15\", \"(\\\\d+)-(\\\\d+)-(\\\\d+)\", \"$3/$2/$1\")", "\"15/01/2024\"")]
    [InlineData("split(\"a, b,c\", \",\\\\s*\")", "[\"a\", \"b\", \"c\"]")]
    [InlineData("distinct values([1, 1, \"a\", \"a\"])", "[1, \"a\"]")]
    [InlineData("sort([3, 1, 2], function(x, y) x < y)", "[1, 2, 3]")]
    [InlineData("round half up(2.345, 2)", "2.35")]
    [InlineData("decimal(2.345, 2)", "2.34")]
    [InlineData("floor(-1.5)", "-2")]
    [InlineData("modulo(-12, 5)", "3")]
    [InlineData("string([1, \"a\", null])", "\"[1, \\\"a\\\", null]\"")]
    [InlineData("number(\"1.234,5\", \".\", \",\")", "1234.5")]
    [InlineData("get value({a: 1}, \"a\")", "1")]
    [InlineData("context put({a: 1}, \"b\", 2)", "{a: 1, b: 2}")]
    [InlineData("[1..5].start included", "true")]
    [InlineData("\"x\" instance of string", "true")]
    [InlineData("overlaps before([1..5], [3..8])", "true")]
    [InlineData("includes([1..10], [4..6])", "true")]
    [InlineData("before([1..5), 5)", "true")]
    [InlineData("after(5, [1..5])", "false")]
    [InlineData("sqrt(16)", "4")]
    [InlineData("mode([1, 2, 2, 3, 3])", "[2, 3]")]
    [InlineData("list replace([1, 2, 3], -1, 0)", "[1, 2, 0]")]
    [InlineData("context([{key: \"a\", value: 1}])", "{a: 1}")]
    public void Evaluate_Expression_ReturnsSpecifiedValue(string expression, string expected) =>
        Assert.Equal(expected, FeelRun.Text(expression));

    [Theory]
    [InlineData("fee >= 100000 and applicant.age < 18", "true")]
    [InlineData("applicant.name", "\"Trần Thị Bình\"")]
    [InlineData("docs[ok = false].kind", "[\"photo\"]")]
    [InlineData("docs[1].kind", "\"id\"")]
    [InlineData("count(docs[ok])", "1")]
    [InlineData("sum(scores[item > 10])", "96")]
    [InlineData("all(docs.ok)", "false")]
    [InlineData("mean(scores)", "18")]
    [InlineData("applicant.missing", "null")]
    public void Evaluate_JsonVariables_ResolvesNamesAndPaths(string expression, string expected) =>
        Assert.Equal(expected, FeelRun.Text(expression, Dossier));

    [Fact]
    public void Evaluate_ContextDefinedFunction_ClosesOverOuterVariables()
    {
        var result = FeelRun.Text("{add: function(x) x + fee}.add(1)", Dossier);

        Assert.Equal("150001", result);
    }
}
