using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelTemporalTests
{
    // 2026-11-27 20:30 UTC is already 2026-11-28 03:30 in Ho Chi Minh City (UTC+7).
    private static readonly FakeTimeProvider LateEveningUtc = new(new DateTimeOffset(2026, 11, 27, 20, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Today_DefaultZone_IsHoChiMinhCityDate()
    {
        var today = FeelExpression.Parse("today()").Evaluate(new FeelContext(timeProvider: LateEveningUtc));

        Assert.Equal(FeelValueKind.Date, today.Kind);
        Assert.Equal("2026-11-28", today.ToString());
    }

    [Fact]
    public void Today_ConfiguredZone_UsesThatZone()
    {
        var context = new FeelContext(timeProvider: LateEveningUtc, timeZone: TimeZoneInfo.Utc);

        Assert.Equal("2026-11-27", FeelExpression.Parse("today()").Evaluate(context).ToString());
    }

    [Fact]
    public void Now_FakeClock_IsLocalWallClockInZone()
    {
        var now = FeelExpression.Parse("now()").Evaluate(new FeelContext(timeProvider: LateEveningUtc));

        Assert.Equal("2026-11-28T03:30:00", now.ToString());
    }

    [Fact]
    public void Now_ClockAdvances_ResultFollowsTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var context = new FeelContext(timeProvider: clock);
        var deadlinePassed = FeelExpression.Parse("now() > date and time(\"2026-01-02T00:00:00\")");

        Assert.False(deadlinePassed.EvaluateCondition(context));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.True(deadlinePassed.EvaluateCondition(context));
    }

    [Theory]
    [InlineData("date(\"2024-01-31\") + duration(\"P1M\")", "2024-02-29")]
    [InlineData("date(\"2024-03-01\") - date(\"2024-02-01\")", "P29D")]
    [InlineData("date(\"2024-01-15\") + duration(\"PT36H\")", "2024-01-16")]
    [InlineData("date and time(\"2024-01-15T22:00:00\") + duration(\"PT3H\")", "2024-01-16T01:00:00")]
    [InlineData("date and time(\"2024-01-15T10:00:00Z\") - date and time(\"2024-01-15T10:00:00+07:00\")", "PT7H")]
    [InlineData("time(\"23:30:00\") + duration(\"PT1H\")", "00:30:00")]
    [InlineData("duration(\"PT36H\")", "P1DT12H")]
    [InlineData("duration(\"P1D\") * 1.5", "P1DT12H")]
    [InlineData("duration(\"P1Y\") / duration(\"P1M\")", "12")]
    [InlineData("years and months duration(date(\"2020-01-15\"), date(\"2024-03-10\"))", "P4Y1M")]
    [InlineData("date(\"2024-01-15\").weekday", "1")]
    [InlineData("day of week(date(\"2024-01-15\"))", "Monday")]
    [InlineData("date and time(\"2024-06-01T12:00:00@Asia/Ho_Chi_Minh\").time offset", "PT7H")]
    [InlineData("date(year: 2024, month: 2, day: 29)", "2024-02-29")]
    [InlineData("time(hour: 10, minute: 5, second: 0)", "10:05:00")]
    [InlineData("date and time(date: date(\"2024-01-15\"), time: time(\"10:00:00\"))", "2024-01-15T10:00:00")]
    [InlineData("date and time(\"2024-01-15T10:30:00.25\")", "2024-01-15T10:30:00.250")]
    public void Evaluate_TemporalArithmetic_FollowsSpecification(string expression, string expected) =>
        Assert.Equal(expected, FeelRun.Value(expression).ToString());

    [Fact]
    public void Evaluate_DatePlusDuration_StaysDate() =>
        Assert.Equal(FeelValueKind.Date, FeelRun.Value("date(\"2024-01-15\") + duration(\"P1D\")").Kind);

    [Fact]
    public void Evaluate_DateComparisonWithDeadlineVariable_Works()
    {
        var overdue = FeelRun.Value("date(submitted) + duration(\"P15D\") < today()", """{"submitted": "2026-11-01"}""", new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));

        Assert.True(overdue.IsTrue);
    }
}
