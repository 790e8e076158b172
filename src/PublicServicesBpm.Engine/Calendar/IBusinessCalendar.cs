namespace PublicServicesBpm.Engine.Calendar;

/// <summary>
/// The business calendar port: which instants are working time, and how far a working-time budget
/// reaches. Deadlines of administrative procedures count working time (office hours on working days),
/// so the interpreter never adds a plain <see cref="TimeSpan"/> to a working-time duration.
/// Implementations must be pure (the same inputs give the same answers) and thread-safe.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>The working time that makes one working day (8 hours by default).</summary>
    TimeSpan WorkingDayLength { get; }

    /// <summary>The zone the calendar's office hours and dates are expressed in.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// The instant at which <paramref name="workingDuration"/> of working time, counted from
    /// <paramref name="start"/>, has elapsed. Time outside office hours is skipped; a start outside office
    /// hours counts from the next opening. A budget that ends exactly at closing time ends at closing time,
    /// not at the next opening. A zero duration yields the next working instant (or <paramref name="start"/>
    /// itself when it is working time).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or reaches beyond the calendar's range.</exception>
    DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingDuration);

    /// <summary>The working time between two instants (zero when <paramref name="until"/> is not after <paramref name="start"/>).</summary>
    TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset until);

    /// <summary>True when the instant falls in office hours of a working day (opening inclusive, closing exclusive).</summary>
    bool IsWorkingTime(DateTimeOffset instant);

    /// <summary>True when the local date is a working day (not a weekend or holiday).</summary>
    bool IsWorkingDay(DateOnly day);
}
