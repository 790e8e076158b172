namespace PublicServicesBpm.Forms;

/// <summary>
/// A form-js schema (<c>{"type":"default","id":...,"components":[...],"schemaVersion":N}</c>) read and
/// checked: known component types only, keys present and not overlapping, validation rules sound,
/// regular expressions and FEEL expressions compiled. Immutable and safe to share between threads.
/// </summary>
public sealed class FormSchema
{
    /// <summary>The largest schema text accepted, in characters.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>The most components (at all depths) a schema may have.</summary>
    public const int MaxComponents = 2_000;

    /// <summary>The deepest nesting of groups and dynamic lists.</summary>
    public const int MaxNesting = 16;

    internal FormSchema(string? id, int? schemaVersion, IReadOnlyList<FormComponent> components, DataShape shape, string json)
    {
        Id = id;
        SchemaVersion = schemaVersion;
        Components = components;
        Shape = shape;
        Json = json;
    }

    /// <summary>The form id (form-js <c>id</c>), if any.</summary>
    public string? Id { get; }

    /// <summary>The form-js schema version the editor saved, if any.</summary>
    public int? SchemaVersion { get; }

    /// <summary>The top-level components in order.</summary>
    public IReadOnlyList<FormComponent> Components { get; }

    /// <summary>The schema text as given, for handing to the browser's form-js unchanged.</summary>
    public string Json { get; }

    internal DataShape Shape { get; }

    /// <summary>
    /// Reads and checks a schema. Never throws for bad input: every problem found is returned, each with its
    /// location and a Vietnamese and English message, and then there is no schema.
    /// </summary>
    /// <param name="json">The schema text as the form-js editor saves it.</param>
    public static FormSchemaParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new FormSchemaReader().Read(json);
    }

    /// <summary>Every component, depth first, in schema order.</summary>
    public IEnumerable<FormComponent> AllComponents() => Flatten(Components);

    private static IEnumerable<FormComponent> Flatten(IEnumerable<FormComponent> components)
    {
        foreach (var component in components)
        {
            yield return component;
            foreach (var child in Flatten(component.Components))
            {
                yield return child;
            }
        }
    }
}
