using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicServicesBpm.Engine.Calendar.Lunar;

namespace PublicServicesBpm.Engine.Calendar;

/// <summary>
/// The public holidays of Labour Code 2019 art. 112 (Bộ luật Lao động 2019, Điều 112) for any Gregorian
/// year 1900–2199 — 1 January; Tết Nguyên Đán (five days, by default the last day of the lunar year and
/// the first four of the new one); Hùng Kings' day (10th day of the 3rd lunar month); 30 April; 1 May;
/// 2 September and one adjacent day — with the lunar days computed by <see cref="VietnameseLunarCalendar"/>,
/// plus administrator-entered <see cref="CalendarAdjustment"/> days. Immutable and thread-safe.
/// </summary>
public sealed class VietnamPublicHolidays
{
    private readonly FrozenDictionary<DateOnly, CalendarAdjustment> _adjustments;
    private readonly ConcurrentDictionary<int, IReadOnlyList<PublicHoliday>> _statutory = new();

    /// <summary>Creates the holiday list.</summary>
    /// <param name="rules">The open choices of the law; <see cref="VietnamHolidayRules"/> defaults when null.</param>
    /// <param name="adjustments">Administrator-entered days off and working days; none by default.</param>
    /// <exception cref="ArgumentException">The rules ask for no Tết day or negative days, two adjustments share a date, or an adjustment has no name.</exception>
    public VietnamPublicHolidays(VietnamHolidayRules? rules = null, IEnumerable<CalendarAdjustment>? adjustments = null)
    {
        Rules = rules ?? new VietnamHolidayRules();
        if (Rules.TetDaysBeforeNewYear < 0 || Rules.TetDaysFromNewYear < 0 || Rules.TetDaysBeforeNewYear + Rules.TetDaysFromNewYear is 0 or > 15)
        {
            throw new ArgumentException("Tết needs between 1 and 15 days, none of them negative.", nameof(rules));
        }

        var byDate = new Dictionary<DateOnly, CalendarAdjustment>();
        foreach (var adjustment in adjustments ?? [])
        {
            ArgumentNullException.ThrowIfNull(adjustment, nameof(adjustments));
            if (string.IsNullOrWhiteSpace(adjustment.NameVi) || string.IsNullOrWhiteSpace(adjustment.NameEn))
            {
                throw new ArgumentException($"The adjustment on {adjustment.Date:yyyy-MM-dd} needs a Vietnamese and an English name.", nameof(adjustments));
            }

            if (!byDate.TryAdd(adjustment.Date, adjustment))
            {
                throw new ArgumentException($"Two adjustments are entered for {adjustment.Date:yyyy-MM-dd}.", nameof(adjustments));
            }
        }

        _adjustments = byDate.ToFrozenDictionary();
    }

    /// <summary>The open choices of the law this list applies.</summary>
    public VietnamHolidayRules Rules { get; }

    /// <summary>The statutory holidays of art. 112 falling in a Gregorian year, in date order, without adjustments.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year lies outside 1900–2199.</exception>
    public IReadOnlyList<PublicHoliday> Statutory(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, VietnameseLunarCalendar.MinSupportedDate.Year, nameof(year));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, VietnameseLunarCalendar.MaxSupportedDate.Year, nameof(year));
        return _statutory.GetOrAdd(year, Compute);
    }

    /// <summary>
    /// The days off of a Gregorian year, in date order: the statutory holidays (less any an administrator
    /// turned into a working day) and the administrator-entered days off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year lies outside 1900–2199.</exception>
    public IReadOnlyList<PublicHoliday> ForYear(int year)
    {
        var days = Statutory(year)
            .Where(h => !_adjustments.TryGetValue(h.Date, out var a) || a.Kind != CalendarAdjustmentKind.WorkingDay)
            .ToList();
        days.AddRange(_adjustments.Values
            .Where(a => a.Date.Year == year && a.Kind == CalendarAdjustmentKind.DayOff && days.All(h => h.Date != a.Date))
            .Select(a => new PublicHoliday(a.Date, PublicHolidayKind.Declared, a.NameVi, a.NameEn)));
        return [.. days.OrderBy(h => h.Date)];
    }

    /// <summary>The administrator-entered working days of a Gregorian year, in date order.</summary>
    public IReadOnlyList<CalendarAdjustment> WorkingDays(int year) =>
        [.. _adjustments.Values.Where(a => a.Date.Year == year && a.Kind == CalendarAdjustmentKind.WorkingDay).OrderBy(a => a.Date)];

    /// <summary>The administrator's entry for a date, if any.</summary>
    public CalendarAdjustment? AdjustmentOn(DateOnly day) => _adjustments.GetValueOrDefault(day);

    /// <summary>True when the date is a statutory holiday (whatever the adjustments say).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year lies outside 1900–2199.</exception>
    public bool IsStatutoryHoliday(DateOnly day) => Statutory(day.Year).Any(h => h.Date == day);

    private IReadOnlyList<PublicHoliday> Compute(int year)
    {
        const string TetVi = "Tết Nguyên Đán";
        const string TetEn = "Lunar New Year (Tết)";
        var tet = VietnameseLunarCalendar.NewYear(year);
        var nationalDayExtra = Rules.NationalDayAdjacentDay == NationalDayAdjacentDay.DayBefore ? 1 : 3;
        var list = new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), PublicHolidayKind.NewYear, "Tết Dương lịch", "New Year's Day"),
            new(VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)), PublicHolidayKind.HungKingsCommemoration, "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day"),
            new(new DateOnly(year, 4, 30), PublicHolidayKind.ReunificationDay, "Ngày Chiến thắng", "Reunification Day"),
            new(new DateOnly(year, 5, 1), PublicHolidayKind.LabourDay, "Ngày Quốc tế Lao động", "International Labour Day"),
            new(new DateOnly(year, 9, 2), PublicHolidayKind.NationalDay, "Quốc khánh", "National Day"),
            new(new DateOnly(year, 9, nationalDayExtra), PublicHolidayKind.NationalDay, "Quốc khánh", "National Day"),
        };
        for (var offset = -Rules.TetDaysBeforeNewYear; offset < Rules.TetDaysFromNewYear; offset++)
        {
            list.Add(new PublicHoliday(tet.AddDays(offset), PublicHolidayKind.LunarNewYear, TetVi, TetEn));
        }

        // Tết never starts before 19 January, so all its days fall in the same Gregorian year. Hùng Kings'
        // day can fall on 30 April or 1 May: both entries are kept, since the coincidence is
        // what makes the government grant a substitute day, which administrators then enter.
        return [.. list.OrderBy(h => h.Date).ThenBy(h => h.Kind)];
    }
}
