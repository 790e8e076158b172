namespace PublicServicesBpm.Persistence.Identity;

/// <summary>
/// An agency (cơ quan, đơn vị) that handles dossiers, by its official code (e.g. <c>000.00.00.H29</c>), which is also
/// the identifier dossier codes carry. Officers' roles are granted per agency. This row holds the agency's values
/// valid today; every period of validity, past and future, is a <see cref="Catalogue.AgencyPeriod"/> (function H2).
/// Rows created before the catalogue existed (or by tests) may have no period: they count as valid since
/// <see cref="CreatedAt"/>, with the calendar's default office hours.
/// </summary>
public sealed class Agency
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? ParentCode { get; set; }

    /// <summary>Province code: the distribution key should the database ever be sharded by province.</summary>
    public string ProvinceCode { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><c>ministry</c>, <c>province</c>, <c>district</c> or <c>commune</c>; null when not catalogued yet.</summary>
    public string? AdministrativeLevel { get; set; }

    public string? Address { get; set; }

    /// <summary>Monday-to-Friday office periods (<c>HH:mm-HH:mm</c>); null = the business calendar's default hours.</summary>
    public string[]? WeekdayHours { get; set; }

    /// <summary>Saturday office periods (<c>HH:mm-HH:mm</c>, empty = closed); null = the business calendar's default.</summary>
    public string[]? SaturdayHours { get; set; }

    /// <summary>The day the agency stopped existing (its last period closed); null while it exists.</summary>
    public DateOnly? DissolvedOn { get; set; }
}
