namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// One version of a procedure — table <c>app.procedure_versions</c> — as published by a decision (quyết định công
/// bố) and in force from <see cref="EffectiveFrom"/>. The version in force on a date is the published one with the
/// latest <see cref="EffectiveFrom"/> not after that date (ties: the higher version). Cases with their components,
/// fees and time limits per channel are kept as one JSON document (<see cref="Cases"/>), exactly as validated.
/// </summary>
public sealed class ProcedureVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string ProcedureKey { get; init; }

    /// <summary>1, 2, 3… per procedure.</summary>
    public required int Version { get; init; }

    /// <summary>One of <see cref="ProcedureStatuses"/>.</summary>
    public required string Status { get; set; }

    public required string NationalCode { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    /// <summary>Code of the sector catalogue.</summary>
    public required string SectorCode { get; init; }

    /// <summary><c>commune</c>, <c>district</c>, <c>province</c> or <c>ministry</c>.</summary>
    public required string Level { get; init; }

    /// <summary><c>full-process</c>, <c>partial</c> or <c>none</c>.</summary>
    public required string OnlineLevel { get; init; }

    /// <summary>Codes of the agencies that handle it.</summary>
    public required string[] AgencyCodes { get; init; }

    public required string[] LegalBasis { get; init; }

    public required string Result { get; init; }

    /// <summary>The publication decision, e.g. "Quyết định số 1234/QĐ-UBND ngày 01/07/2025 của UBND tỉnh Lào Cai".</summary>
    public required string PublicationDecision { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Whether a complete supplement restarts the full time limit (lifecycle.md).</summary>
    public required bool RestartTimeLimitAfterSupplement { get; init; }

    /// <summary>The cases (trường hợp) as JSON (jsonb), in the <c>procedure.json</c> shape.</summary>
    public required string Cases { get; init; }

    /// <summary>The whole source document (procedure.json or API body) as received, for export and audit.</summary>
    public required string Document { get; init; }

    /// <summary>SHA-256 (hex) of <see cref="Document"/>: importing the same file again is a no-op.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The name folded for search: lower case, no diacritics, đ → d, single spaces.</summary>
    public required string SearchName { get; init; }

    /// <summary>Name, code, sector, result, case and component names folded like <see cref="SearchName"/>.</summary>
    public required string SearchText { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }
}
