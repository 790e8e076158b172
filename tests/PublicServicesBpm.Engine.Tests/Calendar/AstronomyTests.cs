using PublicServicesBpm.Engine.Calendar.Lunar;

namespace PublicServicesBpm.Engine.Tests.Calendar;

public sealed class AstronomyTests
{
    private static double JulianDate(DateTime utc) => Astronomy.DayNumber(DateOnly.FromDateTime(utc)) - 0.5 + utc.TimeOfDay.TotalDays;

    [Theory]
    [InlineData(0, 2000, 1, 6, 18, 14)]
    [InlineData(298, 2024, 2, 9, 22, 59)]
    [InlineData(-283, 1977, 2, 18, 3, 37)] // Meeus' worked example 49.a: JDE 2443192.65118, less ΔT ≈ 48 s
    public void NewMoon_PublishedInstants_MatchWithinTwoMinutes(int lunation, int year, int month, int day, int hour, int minute)
    {
        var published = JulianDate(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc));

        Assert.InRange(Astronomy.NewMoon(lunation), published - (2.0 / 1440), published + (2.0 / 1440));
    }

    [Fact]
    public void SunLongitude_MeeusExample_MatchesWithinAHundredthOfADegree()
    {
        // Meeus example 25.a: 1992 October 13.0 TD, apparent longitude 199.90988° by the low-accuracy method.
        Assert.InRange(Astronomy.SunLongitude(2448908.5 - (59.0 / 86400)), 199.90, 199.92);
    }

    [Theory]
    [InlineData(2024, 12, 21, 9, 20)] // December solstice 2024 at 09:20 UTC
    [InlineData(2025, 3, 20, 9, 1)] // March equinox 2025 at 09:01 UTC
    public void SunLongitude_AtPublishedSolsticeAndEquinox_IsOnTheCardinalPoint(int year, int month, int day, int hour, int minute)
    {
        var longitude = Astronomy.SunLongitude(JulianDate(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc)));
        var distance = Math.Abs(((longitude + 45) % 90) - 45);

        Assert.True(distance < 0.02, $"longitude {longitude}");
    }
}
