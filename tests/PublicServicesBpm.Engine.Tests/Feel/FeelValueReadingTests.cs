using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelValueReadingTests
{
    private static readonly TimeZoneInfo HoChiMinh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public void TryGetInstant_LocalDateTime_PlacedInGivenZone()
    {
        var value = FeelRun.Value("date and time(\"2024-01-15T08:00:00\")");

        Assert.True(value.TryGetInstant(HoChiMinh, out var instant));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 1, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void TryGetInstant_OffsetDateTime_KeepsItsOffset()
    {
        var value = FeelRun.Value("date and time(\"2024-01-15T08:00:00Z\")");

        Assert.True(value.TryGetInstant(HoChiMinh, out var instant));
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void TryGetInstant_Date_IsMidnightInZone()
    {
        Assert.True(FeelRun.Value("date(\"2024-01-15\")").TryGetInstant(HoChiMinh, out var instant));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(7)), instant);
    }

    [Fact]
    public void TryGetDuration_DaysTimeDuration_ReturnsTimeSpan()
    {
        Assert.True(FeelRun.Value("duration(\"P1DT2H\")").TryGetDuration(out var duration));
        Assert.Equal(TimeSpan.FromHours(26), duration);
    }

    [Fact]
    public void TryGetReads_WrongKind_ReturnFalse()
    {
        var text = FeelValue.Text("x");

        Assert.False(text.TryGetNumber(out _));
        Assert.False(text.TryGetDuration(out _));
        Assert.False(text.TryGetInstant(HoChiMinh, out _));
        Assert.True(text.TryGetText(out var read));
        Assert.Equal("x", read);
        Assert.True(FeelValue.Number(2.5m).TryGetNumber(out var number));
        Assert.Equal(2.5m, number);
    }
}
