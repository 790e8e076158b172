using PublicServicesBpm.Host.Features.Dossiers.Timeliness;
using static PublicServicesBpm.IntegrationTests.Dossiers.Timeliness.TimelineSamples;

namespace PublicServicesBpm.IntegrationTests.Dossiers.Timeliness;

/// <summary>Timelines the rules cannot judge are refused with a message naming the fault.</summary>
public sealed class DossierTimelineChecksTests
{
    private static readonly DossierTimeline Valid = Received(At(2026, 3, 2, 8), At(2026, 3, 6, 17));

    private static readonly Dictionary<string, DossierTimeline> Cases = new(StringComparer.Ordinal)
    {
        { "without an appointment needs the legal time limit", Valid with { Appointment = null } },
        { "restarts after a supplement needs the legal time limit", Valid with { RestartsTimeLimitAfterSupplement = true } },
        { "status code from 1 to 10", Valid with { StatusHistory = [Status(2, At(2026, 3, 2, 8)), Status(11, At(2026, 3, 3, 8))] } },
        { "supplemented before it was requested", Valid with { SupplementationRounds = [new(At(2026, 3, 3, 9), At(2026, 3, 3, 8))] } },
        { "payment cannot be recorded before", Valid with { PaymentPauses = [new(At(2026, 3, 3, 9), At(2026, 3, 2, 9))] } },
        { "no status at the end of the period", Valid with { PeriodEnd = At(2026, 3, 1, 23, 59) } },
        { "legal time limit must be positive", Valid with { LegalTimeLimit = new LegalTimeLimit(0, TimeLimitUnit.WorkingDays) } },
    };

    public static TheoryData<string> Faults => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Faults))]
    public void Classify_InvalidTimeline_ThrowsWithTheFault(string fault)
    {
        var error = Assert.Throws<ArgumentException>(() => Classifier.Classify(Cases[fault]));

        Assert.Contains(fault, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("working-days", nameof(TimeLimitUnit.WorkingDays))]
    [InlineData("calendar-days", nameof(TimeLimitUnit.CalendarDays))]
    [InlineData("working-hours", nameof(TimeLimitUnit.WorkingHours))]
    public void FromCatalogue_KnownUnit_Parsed(string unit, string expected)
    {
        Assert.Equal(new LegalTimeLimit(2.5m, Enum.Parse<TimeLimitUnit>(expected)), LegalTimeLimit.FromCatalogue(2.5m, unit));
    }

    [Fact]
    public void FromCatalogue_UnknownUnit_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LegalTimeLimit.FromCatalogue(3, "weeks"));

        Assert.Contains("weeks", error.Message, StringComparison.Ordinal);
    }
}
