namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// One period of validity of one entry of a shared catalogue (function H2): the entry's values from
/// <see cref="ValidFrom"/> (inclusive) until <see cref="ValidUntil"/> (exclusive; null = still valid). A change to an
/// entry never edits a period in place: it closes the open period on the day the change takes effect and opens a
/// new one, so the catalogue "as of" any past date can be read back. Periods of one code never overlap.
/// </summary>
public abstract class CataloguePeriod
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The entry's code, stable across its periods (an agency's official identifier, a sector's code, …).</summary>
    public required string Code { get; init; }

    public required DateOnly ValidFrom { get; init; }

    /// <summary>First day the period no longer applies; null while it is open.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>Vietnamese name (the official one).</summary>
    public required string Name { get; init; }

    public string? NameEn { get; init; }

    /// <summary>When this period was entered (or imported).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>A user name, <c>import</c> or <c>seed</c>.</summary>
    public required string RecordedBy { get; init; }

    /// <summary>Whether the period covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => ValidFrom <= date && (ValidUntil is null || date < ValidUntil);

    /// <summary>Whether this period and [<paramref name="from"/>, <paramref name="until"/>) share at least one day.</summary>
    public bool Overlaps(DateOnly from, DateOnly? until) =>
        (until is null || ValidFrom < until) && (ValidUntil is null || from < ValidUntil);
}
