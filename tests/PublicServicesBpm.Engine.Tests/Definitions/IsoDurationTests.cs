using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Definitions;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P3D", 0, 0, 0, 3, 0, 0, "0")]
    [InlineData("PT4H", 0, 0, 0, 0, 4, 0, "0")]
    [InlineData("P1Y2M10DT2H30M", 1, 2, 0, 10, 2, 30, "0")]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0, "0")]
    [InlineData("PT1.5S", 0, 0, 0, 0, 0, 0, "1.5")]
    [InlineData("PT0,25S", 0, 0, 0, 0, 0, 0, "0.25")]
    [InlineData("P0D", 0, 0, 0, 0, 0, 0, "0")]
    public void TryParse_Valid_ComponentsKept(string text, int years, int months, int weeks, int days, int hours, int minutes, string seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(new IsoDuration(years, months, weeks, days, hours, minutes, decimal.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("3D")]
    [InlineData("P3")]
    [InlineData("P1DT")]
    [InlineData("PT1D")]
    [InlineData("P1H")]
    [InlineData("P1D2Y")]
    [InlineData("P1.5D")]
    [InlineData("-P1D")]
    [InlineData("P1D ")]
    [InlineData("P99999999999D")]
    public void TryParse_Invalid_False(string? text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("P1Y2M10DT2H30M")]
    [InlineData("PT1.5S")]
    [InlineData("P2W")]
    public void ToString_RoundTrips(string text)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(text, duration.ToString());
    }

    [Fact]
    public void ToString_Zero_PT0S()
    {
        Assert.Equal("PT0S", default(IsoDuration).ToString());
        Assert.True(default(IsoDuration).IsZero);
    }
}
