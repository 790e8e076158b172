namespace PublicServicesBpm.Engine.Calendar;

/// <summary>Which day next to 2 September is the second day of the National Day holiday.</summary>
public enum NationalDayAdjacentDay
{
    /// <summary>1 September (the choice of recent years' announcements).</summary>
    DayBefore,

    /// <summary>3 September.</summary>
    DayAfter,
}

/// <summary>
/// The choices Labour Code 2019 art. 112 leaves open. The Code grants five days for Tết and two for
/// National Day but lets the Prime Minister fix the exact days each year; these defaults follow the usual
/// decision and are overridden per year with <see cref="CalendarAdjustment"/> entries where needed.
/// </summary>
public sealed record VietnamHolidayRules
{
    /// <summary>Days off before lunar new year's day (the last days of the old lunar year). Default 1.</summary>
    public int TetDaysBeforeNewYear { get; init; } = 1;

    /// <summary>Days off from lunar new year's day onwards, counting that day. Default 4 (mùng 1 to mùng 4).</summary>
    public int TetDaysFromNewYear { get; init; } = 4;

    /// <summary>The second day of the National Day holiday. Default <see cref="NationalDayAdjacentDay.DayBefore"/>.</summary>
    public NationalDayAdjacentDay NationalDayAdjacentDay { get; init; } = NationalDayAdjacentDay.DayBefore;
}
