namespace PublicServicesBpm.Engine.Calendar;

/// <summary>One stretch of office hours in local time: open from <see cref="Open"/> (inclusive) to <see cref="Close"/> (exclusive).</summary>
/// <param name="Open">The opening time.</param>
/// <param name="Close">The closing time; after <paramref name="Open"/>.</param>
public readonly record struct OfficePeriod(TimeOnly Open, TimeOnly Close)
{
    /// <summary>The usual morning session, 07:30–11:30.</summary>
    public static OfficePeriod Morning { get; } = new(new TimeOnly(7, 30), new TimeOnly(11, 30));

    /// <summary>The usual afternoon session, 13:00–17:00.</summary>
    public static OfficePeriod Afternoon { get; } = new(new TimeOnly(13, 0), new TimeOnly(17, 0));

    /// <summary>The length of the period.</summary>
    public TimeSpan Length => Close - Open;
}
