namespace PublicServicesBpm.Forms;

/// <summary>
/// One place a field's initial value may come from, as written in the component's custom property
/// <c>properties.prefill</c>: <c>identity.&lt;field&gt;</c> (the signed-in person, see
/// <see cref="IdentityFields"/>) or <c>previous</c> (the same field in the applicant's most recent
/// earlier dossier for this form). Several sources separated by commas are tried in order.
/// </summary>
/// <param name="Kind">Where the value comes from.</param>
/// <param name="IdentityField">For <see cref="PrefillSourceKind.Identity"/>, the identity field name.</param>
public sealed record PrefillSource(PrefillSourceKind Kind, string? IdentityField)
{
    /// <summary>The prefix of identity sources.</summary>
    public const string IdentityPrefix = "identity.";

    /// <summary>The word naming the earlier dossier's data.</summary>
    public const string PreviousWord = "previous";

    /// <inheritdoc/>
    public override string ToString() => Kind == PrefillSourceKind.Identity ? IdentityPrefix + IdentityField : PreviousWord;
}

/// <summary>The kinds of <see cref="PrefillSource"/>.</summary>
public enum PrefillSourceKind
{
    /// <summary>A claim of the signed-in person (name, ID number, birth date, ...).</summary>
    Identity,

    /// <summary>The value the applicant gave for the same field in an earlier dossier.</summary>
    Previous,
}
