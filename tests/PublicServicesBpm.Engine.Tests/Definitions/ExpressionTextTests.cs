using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Definitions;

public sealed class ExpressionTextTests
{
    [Theory]
    [InlineData("=outcome = \"approve\"", "outcome = \"approve\"")]
    [InlineData("  = amount > 100 ", "amount > 100")]
    [InlineData("approved", "approved")]
    public void Body_LeadingEqualsAndBlanks_Removed(string raw, string body)
    {
        var expression = new ExpressionText(raw);

        Assert.Equal(body, expression.Body);
        Assert.Equal(raw, expression.Raw);
    }

    [Fact]
    public void IsFeel_TimerWithEquals_True()
    {
        Assert.True(new TimerTrigger(TimerKind.Duration, " =deadline", TimeBasis.WorkingTime).IsFeel);
        Assert.False(new TimerTrigger(TimerKind.Duration, "P1D", TimeBasis.WorkingTime).IsFeel);
    }
}
