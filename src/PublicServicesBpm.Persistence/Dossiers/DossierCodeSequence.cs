namespace PublicServicesBpm.Persistence.Dossiers;

/// <summary>
/// The last dossier number given by one agency on one day (table <c>app.dossier_code_sequences</c>): the
/// <c>NNNN</c> of <c>&lt;agency&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt;</c>. One row per agency and day, incremented in the receiving
/// transaction, so concurrent receipts on any number of hosts get distinct consecutive numbers.
/// </summary>
public sealed class DossierCodeSequence
{
    public required string AgencyCode { get; init; }

    /// <summary>The receipt day in Vietnam time (UTC+7).</summary>
    public required DateOnly Day { get; init; }

    public int LastNumber { get; set; }
}
