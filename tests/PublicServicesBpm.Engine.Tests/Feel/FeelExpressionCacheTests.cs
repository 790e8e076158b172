using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelExpressionCacheTests
{
    [Fact]
    public void GetOrParse_SameText_ReturnsSameParsedExpression()
    {
        var cache = new FeelExpressionCache(10, FeelLimits.Default);

        var first = cache.GetOrParse("a + 1");
        var second = cache.GetOrParse("a + 1");

        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void GetOrParse_BeyondCapacity_StaysBounded()
    {
        var cache = new FeelExpressionCache(3, FeelLimits.Default);

        for (var i = 0; i < 10; i++)
        {
            cache.GetOrParse($"x + {i}");
        }

        Assert.InRange(cache.Count, 1, 3);
    }

    [Fact]
    public void GetOrParse_InvalidText_IsNotCached()
    {
        var cache = new FeelExpressionCache(10, FeelLimits.Default);

        Assert.Throws<FeelException>(() => cache.GetOrParse("1 +"));

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void GetOrParse_ManyThreads_AllGetTheSameWorkingExpression()
    {
        var cache = new FeelExpressionCache(100, FeelLimits.Default);
        var context = new FeelContext(new Dictionary<string, FeelValue> { ["x"] = FeelValue.Number(41) });

        var results = Enumerable.Range(0, 64).AsParallel()
            .Select(_ => cache.GetOrParse("x + 1").Evaluate(context).ToString())
            .ToList();

        Assert.All(results, r => Assert.Equal("42", r));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Parse_SharedCache_ReturnsSameInstanceForSameText()
    {
        const string Text = "sharedCacheProbe + 1";

        Assert.Same(FeelExpression.Parse(Text), FeelExpression.Parse(Text));
    }
}
