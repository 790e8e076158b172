using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelLimitsTests
{
    [Fact]
    public void Parse_TextLongerThanLimit_Throws()
    {
        var limits = FeelLimits.Default with { MaxExpressionLength = 10 };

        var error = Assert.Throws<FeelException>(() => FeelExpression.ParseUncached("1 + 2 + 3 + 4", limits));

        Assert.Contains("limit is 10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, "(", ")")]
    [InlineData(1000, "[", "]")]
    [InlineData(1000, "-", "")]
    [InlineData(1000, "not(", ")")]
    public void Parse_DeeplyNested_ThrowsInsteadOfOverflowingStack(int depth, string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

        var error = Assert.Throws<FeelException>(() => FeelExpression.ParseUncached(text, FeelLimits.Default));

        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" + 1")]
    [InlineData(" and true")]
    [InlineData(".a")]
    [InlineData("[1]")]
    public void Parse_LongOperatorChain_Throws(string link)
    {
        var text = "1" + string.Concat(Enumerable.Repeat(link, 5000));

        Assert.Throws<FeelException>(() => FeelExpression.ParseUncached(text, FeelLimits.Default));
    }

    [Fact]
    public void Parse_ChainWithinDepthLimit_Evaluates()
    {
        var text = "0" + string.Concat(Enumerable.Repeat(" + 1", 50));

        Assert.Equal("50", FeelRun.Text(text));
    }

    [Fact]
    public void Evaluate_TooManySteps_Throws()
    {
        var limits = FeelLimits.Default with { MaxSteps = 10_000 };

        var error = Assert.Throws<FeelException>(() => FeelRun.Value("count(for i in 1..1000, j in 1..1000 return i)", limits: limits));

        Assert.Contains("steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ListLargerThanLimit_Throws()
    {
        var error = Assert.Throws<FeelException>(() => FeelRun.Value("for i in 1..1000000000 return i"));

        Assert.Contains("limit is 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StringLongerThanLimit_Throws()
    {
        var limits = FeelLimits.Default with { MaxStringLength = 100 };
        const string Doubling = "{d: function(s, n) if n = 0 then s else d(s + s, n - 1)}.d(\"ab\", 10)";

        var error = Assert.Throws<FeelException>(() => FeelRun.Value(Doubling, limits: limits));

        Assert.Contains("characters long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnboundedRecursion_ThrowsCallDepth()
    {
        var error = Assert.Throws<FeelException>(() => FeelRun.Value("{f: function(n) f(n + 1)}.f(0)"));

        Assert.Contains("nested more than 32 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExponentialRecursion_StopsAtStepLimit()
    {
        const string Fibonacci = "{fib: function(n) if n < 2 then n else fib(n - 1) + fib(n - 2)}.fib(30)";

        Assert.Throws<FeelException>(() => FeelRun.Value(Fibonacci));
    }

    [Fact]
    public void Evaluate_CatastrophicPattern_FinishesQuickly()
    {
        var input = new string('a', 5000) + "!";

        var result = FeelRun.Value("matches(s, \"^(a+)+$\")", $$"""{"s": "{{input}}"}""");

        Assert.False(result.IsTrue);
        Assert.False(result.IsNull);
    }

    [Fact]
    public void Evaluate_BacktrackingPatternPastTimeout_Throws()
    {
        var limits = FeelLimits.Default with { RegexTimeout = TimeSpan.FromMilliseconds(1) };
        var input = new string('a', 30000) + "!";

        // A back-reference forces the backtracking engine, which the timeout must stop.
        var error = Assert.Throws<FeelException>(() =>
            FeelRun.Value("matches(s, \"^(a*)*b\\\\1$\")", $$"""{"s": "{{input}}"}""", limits: limits));

        Assert.Contains("regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_QuadraticBuiltinOnLargeList_StopsAtStepLimit()
    {
        var error = Assert.Throws<FeelException>(() => FeelRun.Value("count(distinct values(for i in 1..10000 return i))"));

        Assert.Contains("steps", error.Message, StringComparison.Ordinal);
    }
}
