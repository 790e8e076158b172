using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelNullSemanticsTests
{
    [Theory]
    [InlineData("1 + \"a\"")]
    [InlineData("1 / 0")]
    [InlineData("missing + 1")]
    [InlineData("missing.deeper.path")]
    [InlineData("1 < \"a\"")]
    [InlineData("1 = \"1\"")]
    [InlineData("not(1)")]
    [InlineData("upper case(5)")]
    [InlineData("date(\"2023-02-29\")")]
    [InlineData("duration(\"P1Y2D\")")]
    [InlineData("nosuchfunction(1)")]
    [InlineData("substring(\"abc\", 1, 2, 3, 4)")]
    [InlineData("sum([1, \"a\"])")]
    [InlineData("[1, 2][5]")]
    [InlineData("true and null")]
    [InlineData("matches(\"a\", \"[\")")]
    public void Evaluate_ErrorOrTypeMismatch_ReturnsNull(string expression) =>
        Assert.True(FeelRun.Value(expression).IsNull, expression);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("null", false)]
    [InlineData("missing > 3", false)]
    [InlineData("1", false)]
    [InlineData("\"true\"", false)]
    [InlineData("[true]", false)]
    public void EvaluateCondition_AnyResult_OnlyBooleanTrueIsTrue(string expression, bool expected)
    {
        var condition = FeelExpression.Parse(expression).EvaluateCondition(FeelContext.Empty);

        Assert.Equal(expected, condition);
    }

    [Theory]
    [InlineData("false and missing", "false")]
    [InlineData("true or missing", "true")]
    [InlineData("null = null", "true")]
    [InlineData("missing = null", "true")]
    [InlineData("null != 1", "true")]
    [InlineData("if missing then 1 else 2", "2")]
    public void Evaluate_ThreeValuedLogic_KnownAnswerDespiteNull(string expression, string expected) =>
        Assert.Equal(expected, FeelRun.Text(expression));
}
