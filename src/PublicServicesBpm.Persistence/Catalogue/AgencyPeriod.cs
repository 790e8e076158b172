namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// A period of one agency — table <c>app.agency_periods</c>. The agency itself (its official code, which dossier
/// codes carry and role grants refer to) is <see cref="Identity.Agency"/>; that row always holds the values of the
/// period valid today, this table holds every period, so "as of" reads and past deadlines use the hours then.
/// </summary>
public sealed class AgencyPeriod : CataloguePeriod
{
    public string? ParentCode { get; init; }

    /// <summary>One of <see cref="AdministrativeLevels.OfAgencies"/>.</summary>
    public required string AdministrativeLevel { get; init; }

    /// <summary>Province code (the national two-digit code) the agency belongs to.</summary>
    public required string ProvinceCode { get; init; }

    public string? Address { get; init; }

    /// <summary>Office periods on Monday to Friday, each <c>HH:mm-HH:mm</c> (e.g. <c>07:30-11:30</c>, <c>13:00-17:00</c>).</summary>
    public required string[] WeekdayHours { get; init; }

    /// <summary>Office periods on Saturday (<c>HH:mm-HH:mm</c>); empty when the agency does not work on Saturdays.</summary>
    public required string[] SaturdayHours { get; init; }
}
