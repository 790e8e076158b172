namespace PublicServicesBpm.Engine.Calendar;

/// <summary>What a day off is, so that lists can be grouped and named.</summary>
public enum PublicHolidayKind
{
    /// <summary>Tết Dương lịch, 1 January.</summary>
    NewYear,

    /// <summary>Tết Nguyên Đán, the days around the lunar new year.</summary>
    LunarNewYear,

    /// <summary>Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month.</summary>
    HungKingsCommemoration,

    /// <summary>Ngày Chiến thắng, 30 April.</summary>
    ReunificationDay,

    /// <summary>Ngày Quốc tế Lao động, 1 May.</summary>
    LabourDay,

    /// <summary>Quốc khánh, 2 September and one adjacent day.</summary>
    NationalDay,

    /// <summary>A day off entered by an administrator: a substitute day (nghỉ bù) or a swapped day off.</summary>
    Declared,
}

/// <summary>A day on which offices are closed.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Kind">Which holiday it belongs to.</param>
/// <param name="NameVi">The name in Vietnamese.</param>
/// <param name="NameEn">The name in English.</param>
public sealed record PublicHoliday(DateOnly Date, PublicHolidayKind Kind, string NameVi, string NameEn);
