namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// A period of one administrative unit (đơn vị hành chính) — table <c>app.administrative_units</c>: a province or
/// centrally-run city, or a commune, ward or special zone under it. Since the 2025 reform there are two levels only
/// (34 provinces; communes directly under them); units abolished by the reform keep their closed periods.
/// Codes are those of the national list (two digits for a province, five for a commune).
/// </summary>
public sealed class AdministrativeUnitPeriod : CataloguePeriod
{
    /// <summary><see cref="AdministrativeLevels.Province"/> or <see cref="AdministrativeLevels.Commune"/>.</summary>
    public required string Level { get; init; }

    /// <summary>The province of a commune; null for a province.</summary>
    public string? ParentCode { get; init; }
}

/// <summary>Levels of administrative units and of agencies.</summary>
public static class AdministrativeLevels
{
    public const string Ministry = "ministry";
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";

    /// <summary>Levels an agency (and a procedure) may have: before 2025 districts existed, and ministries handle national procedures.</summary>
    public static readonly IReadOnlyList<string> OfAgencies = [Ministry, Province, District, Commune];

    /// <summary>Levels of administrative units after the 2025 reform.</summary>
    public static readonly IReadOnlyList<string> OfUnits = [Province, Commune];
}
