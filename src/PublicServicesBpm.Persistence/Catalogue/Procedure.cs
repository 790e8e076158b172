namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// An administrative procedure (thủ tục hành chính) in the catalogue — table <c>app.procedures</c> — by its key
/// (the folder name under <c>workflows/</c>, also the key of its default workflow). What it says lives in its
/// <see cref="ProcedureVersion"/>s; this row only anchors them.
/// </summary>
public sealed class Procedure
{
    public required string Key { get; init; }

    /// <summary>Code in the national procedure database (CSDLQG về TTHC), e.g. <c>1.001193</c>; the latest version's.</summary>
    public required string NationalCode { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Statuses of a procedure version: draft → published → withdrawn (nothing goes back).</summary>
public static class ProcedureStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";
}
