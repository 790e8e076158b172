namespace PublicServicesBpm.Host.Features.Deadlines;

/// <summary>
/// Thresholds of the deadline monitor (configuration section <c>Deadlines</c>). An item is near due when what is left of
/// its time budget falls to <see cref="NearDueShare"/> of the budget or to <see cref="NearDueWorkingHours"/> working
/// hours, whichever comes first in time (so a four-hour step warns with 48 minutes left, a fifteen-day dossier one
/// working day before its appointment). An overdue task escalates to the department head at once and to the unit
/// leader <see cref="EscalateToLeaderAfterWorkingHours"/> working hours later.
/// </summary>
internal sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    public double NearDueShare { get; set; } = 0.2;

    public double NearDueWorkingHours { get; set; } = 8;

    public double EscalateToLeaderAfterWorkingHours { get; set; } = 8;

    /// <summary>Rows per transaction; a run loops until nothing is due.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>A new appointment proposed for a dossier that will be late: this share of its budget after the current one (at least one working day).</summary>
    public double ProposedExtensionShare { get; set; } = 0.2;
}
