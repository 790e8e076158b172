using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelParserTests
{
    [Theory]
    [InlineData("1 +", 3, "Unexpected end of expression")]
    [InlineData("\"abc", 0, "Unterminated string literal")]
    [InlineData("1 # 2", 2, "Unexpected character '#'")]
    [InlineData("if x then 1", 11, "Expected 'else'")]
    [InlineData("[1, 2", 5, "Expected ']'")]
    [InlineData("{a: 1, a: 2}", 10, "Duplicate context key 'a'")]
    [InlineData("f(a: 1, 2)", 9, "all positional or all named")]
    [InlineData("1 2", 2, "Unexpected '2'")]
    [InlineData("   ", 0, "Expression is empty")]
    [InlineData("(1..5", 5, "Expected ']', ')' or '['")]
    public void Parse_InvalidText_ThrowsWithMessageAndPosition(string text, int position, string message)
    {
        var error = Assert.Throws<FeelException>(() => FeelExpression.ParseUncached(text, FeelLimits.Default));

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"at position {position + 1}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date and time(\"2024-01-01T10:00:00\")")]
    [InlineData("years and months duration(date(\"2020-01-01\"), date(\"2021-01-01\"))")]
    [InlineData("a and b")]
    [InlineData("x in (1..5]")]
    [InlineData("x in ]1..5[")]
    [InlineData("@\"2024-01-01\"")]
    [InlineData("`first name` + \"!\"")]
    [InlineData("{\"key with spaces\": 1, if: 2, first name: 3}")]
    public void Parse_ValidSyntax_Succeeds(string text) =>
        Assert.Equal(text, FeelExpression.ParseUncached(text, FeelLimits.Default).Text);

    [Fact]
    public void Parse_BacktickName_ReadsVariableWithSpaces()
    {
        var result = FeelRun.Text("`first name` + \"!\"", """{"first name": "An"}""");

        Assert.Equal("\"An!\"", result);
    }

    [Fact]
    public void Parse_OpenRangeWithReversedBrackets_ExcludesBothEnds()
    {
        Assert.Equal("false", FeelRun.Text("5 in ]1..5["));
        Assert.Equal("true", FeelRun.Text("4 in ]1..5["));
    }

    [Theory]
    [InlineData("first name + \"!\"", "\"An!\"")]
    [InlineData("is empty and first name = \"An\"", "true")]
    [InlineData("`terms and conditions`", "false")]
    public void Parse_VariableNamesWithSpaces_ResolveFromContext(string expression, string expected)
    {
        const string Variables = """{"first name": "An", "is empty": true, "terms and conditions": false}""";

        Assert.Equal(expected, FeelRun.Text(expression, Variables));
    }
}
