namespace PublicServicesBpm.Persistence.Calendar;

/// <summary>
/// A day that administrators declare off (substitute day, nghỉ bù) or working (a swapped Saturday) — table
/// <c>app.calendar_adjustments</c>. Rows are never changed in substance: withdrawing one sets
/// <see cref="WithdrawnAt"/>, so the calendar as it was at any past instant can be rebuilt and a deadline computed
/// then never changes (lifecycle.md: "a past deadline is never recomputed with a newer calendar").
/// </summary>
public sealed class CalendarAdjustmentRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The agency it applies to, or null for every agency (a national announcement).</summary>
    public string? AgencyCode { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary><c>day-off</c> or <c>working-day</c>.</summary>
    public required string Kind { get; init; }

    public required string NameVi { get; init; }

    public required string NameEn { get; init; }

    /// <summary>When it was entered: from then on new deadlines take it into account.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawalReason { get; set; }
}
