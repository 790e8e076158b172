namespace PublicServicesBpm.Persistence.Identity;

/// <summary>
/// An agency (cơ quan, đơn vị) that handles dossiers, by its official code (e.g. <c>000.00.00.H29</c>). Officers'
/// roles are granted per agency. The shared-catalogue work (function H2) adds validity history and sectors.
/// </summary>
public sealed class Agency
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? ParentCode { get; set; }

    /// <summary>Province code: the distribution key should the database ever be sharded by province.</summary>
    public string ProvinceCode { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
