namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>
/// The statistics column of a dossier at the end of a reporting period (lifecycle.md, "On time or late").
/// Finished with a result (9 or 10): Early, OnTime, Late. Ended without a result — withdrawn (7), stopped (8)
/// or refused (3), the "withdrawn/returned" columns: WithdrawnOrReturned*. Unfinished and running:
/// WithinTime, Overdue. Unfinished and paused (5 or 6): Paused*.
/// </summary>
internal enum TimelinessCategory
{
    /// <summary>Result ready on a local date before the due date.</summary>
    Early,

    /// <summary>Result ready on the due date, not after the due instant.</summary>
    OnTime,

    /// <summary>Result ready after the due instant.</summary>
    Late,

    /// <summary>Still in processing; the due instant has not passed at the end of the period.</summary>
    WithinTime,

    /// <summary>Still in processing; the due instant passed before the end of the period.</summary>
    Overdue,

    /// <summary>Waiting for a supplement or a payment; the pause began before the due instant.</summary>
    PausedWithinTime,

    /// <summary>Waiting for a supplement or a payment; the pause began after the due instant.</summary>
    PausedOverdue,

    /// <summary>Withdrawn, stopped or refused on a local date before the due date.</summary>
    WithdrawnOrReturnedEarly,

    /// <summary>Withdrawn, stopped or refused on the due date, not after the due instant.</summary>
    WithdrawnOrReturnedOnTime,

    /// <summary>Withdrawn, stopped or refused after the due instant.</summary>
    WithdrawnOrReturnedLate,
}
