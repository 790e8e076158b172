namespace PublicServicesBpm.Forms;

/// <summary>
/// The outcome of <see cref="FormSchema.Parse(string)"/>: a schema when the text has no problem at all,
/// otherwise no schema and every problem found (the reader does not stop at the first one).
/// </summary>
/// <param name="Schema">The schema, or null when <paramref name="Problems"/> is not empty.</param>
/// <param name="Problems">Every problem found; empty when the schema is usable.</param>
public sealed record FormSchemaParseResult(FormSchema? Schema, IReadOnlyList<FormProblem> Problems)
{
    /// <summary>True when the schema was read without problems.</summary>
    public bool IsValid => Schema is not null;
}
