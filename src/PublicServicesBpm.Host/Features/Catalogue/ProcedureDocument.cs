using System.Text.Json.Serialization;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// A procedure as written in <c>workflows/&lt;key&gt;/procedure.json</c> (format version 1, docs/catalogue.md) and as
/// posted to the procedure API. Read by <see cref="ProcedureFileReader"/>, which refuses unknown properties
/// (except <c>$comment</c>) and reports every problem with its property path.
/// </summary>
internal sealed record ProcedureDocument
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }

    public required string Key { get; init; }

    public required string NationalCode { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public required string SectorCode { get; init; }

    public required string Level { get; init; }

    public required IReadOnlyList<string> Agencies { get; init; }

    public required string OnlineLevel { get; init; }

    public required ProcedurePublication Publication { get; init; }

    public required IReadOnlyList<string> LegalBasis { get; init; }

    public required string Result { get; init; }

    public bool RestartTimeLimitAfterSupplement { get; init; }

    public required IReadOnlyList<ProcedureCase> Cases { get; init; }
}

/// <summary>The publication decision and the day the version comes into force.</summary>
internal sealed record ProcedurePublication
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }

    public required string Decision { get; init; }

    public required DateOnly EffectiveFrom { get; init; }
}

/// <summary>A case (trường hợp) of a procedure: its own workflow, time limits, fees and components.</summary>
internal sealed record ProcedureCase
{
    [JsonPropertyName("$comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    /// <summary>Process key of the workflow; the procedure key when absent.</summary>
    public string? Workflow { get; init; }

    public required IReadOnlyList<CaseTimeLimit> TimeLimits { get; init; }

    public IReadOnlyList<CaseFee> Fees { get; init; } = [];

    public required IReadOnlyList<CaseComponent> Components { get; init; }
}

/// <summary>The legal time limit on one channel (<c>counter</c>, <c>online</c>, <c>post</c>).</summary>
internal sealed record CaseTimeLimit
{
    [JsonPropertyName("$comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }

    public required string Channel { get; init; }

    public required decimal Value { get; init; }

    /// <summary><c>working-days</c>, <c>calendar-days</c> or <c>working-hours</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>Result the same working day when received before the cutoff (15:00), otherwise the next one.</summary>
    public bool SameDay { get; init; }
}

/// <summary>A fee or charge (phí, lệ phí); <see cref="Channels"/> absent = every channel.</summary>
internal sealed record CaseFee
{
    [JsonPropertyName("$comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public required decimal Amount { get; init; }

    public string Currency { get; init; } = "VND";

    /// <summary><c>dossier</c> or <c>copy</c>.</summary>
    public string Per { get; init; } = "dossier";

    public IReadOnlyList<string>? Channels { get; init; }

    public string? SetBy { get; init; }
}

/// <summary>A dossier component (thành phần hồ sơ) with the numbers of originals, certified copies and copies.</summary>
internal sealed record CaseComponent
{
    [JsonPropertyName("$comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public required bool Required { get; init; }

    public int Originals { get; init; }

    public int CertifiedCopies { get; init; }

    public int Copies { get; init; }

    /// <summary>An e-form under <c>forms/</c>.</summary>
    public string? FormKey { get; init; }

    /// <summary>A code of the document-type catalogue.</summary>
    public string? DocumentType { get; init; }

    /// <summary>Address of a downloadable template (mẫu đơn, tờ khai).</summary>
    public string? Template { get; init; }
}
