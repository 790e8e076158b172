namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>The unit a procedure case counts its legal time limit in.</summary>
internal enum TimeLimitUnit
{
    /// <summary>Working days of <see cref="PublicServicesBpm.Engine.Calendar.IBusinessCalendar.WorkingDayLength"/> office time each (the usual unit).</summary>
    WorkingDays,

    /// <summary>Plain days; the due date moves to the next working day when it is a day off.</summary>
    CalendarDays,

    /// <summary>Hours of office time.</summary>
    WorkingHours,
}

/// <summary>The legal time limit (thời hạn giải quyết) of a procedure case on the dossier's channel.</summary>
/// <param name="Value">How many units; positive.</param>
/// <param name="Unit">The unit.</param>
internal sealed record LegalTimeLimit(decimal Value, TimeLimitUnit Unit)
{
    /// <summary>Reads the catalogue's spelling of a time limit (<c>working-days</c>, <c>calendar-days</c>, <c>working-hours</c>).</summary>
    /// <exception cref="ArgumentException">The unit is not one of the three, or the value is not positive.</exception>
    public static LegalTimeLimit FromCatalogue(decimal value, string unit)
    {
        var parsed = unit switch
        {
            "working-days" => TimeLimitUnit.WorkingDays,
            "calendar-days" => TimeLimitUnit.CalendarDays,
            "working-hours" => TimeLimitUnit.WorkingHours,
            _ => throw new ArgumentException($"Unknown time limit unit '{unit}': expected working-days, calendar-days or working-hours.", nameof(unit)),
        };
        if (value <= 0)
        {
            throw new ArgumentException("A legal time limit must be positive.", nameof(value));
        }

        return new LegalTimeLimit(value, parsed);
    }
}
