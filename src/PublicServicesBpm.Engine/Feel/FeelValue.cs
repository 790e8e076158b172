using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel.Builtins;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel;

/// <summary>
/// A FEEL value. Numbers are <see cref="decimal"/>; temporal values are typed (date, time,
/// date and time, two kinds of duration). Convert to and from JSON with <see cref="FromJson(JsonElement)"/>
/// and <see cref="ToJsonNode"/>; workflow variables are stored as JSON.
/// </summary>
public abstract partial class FeelValue
{
    private protected FeelValue()
    {
    }

    /// <summary>The FEEL null value.</summary>
    public static FeelValue Null => FeelNull.Instance;

    /// <summary>The FEEL type of this value.</summary>
    public abstract FeelValueKind Kind { get; }

    /// <summary>True when this is the FEEL null value.</summary>
    public bool IsNull => Kind == FeelValueKind.Null;

    /// <summary>
    /// FEEL's rule for conditions: only the boolean <c>true</c> is true; <c>null</c>, <c>false</c> and
    /// every non-boolean value are false.
    /// </summary>
    public bool IsTrue => this is FeelBoolean { Value: true };

    /// <summary>Creates a number.</summary>
    public static FeelValue Number(decimal value) => new FeelNumber(value);

    /// <summary>Creates a string.</summary>
    public static FeelValue Text(string? value) => value is null ? FeelNull.Instance : new FeelString(value);

    /// <summary>Creates a boolean.</summary>
    public static FeelValue Boolean(bool value) => FeelBoolean.Of(value);

    /// <summary>Creates a list.</summary>
    public static FeelValue List(IEnumerable<FeelValue> items) => new FeelList([.. items]);

    /// <summary>Creates a date.</summary>
    public static FeelValue Date(DateOnly value) => new FeelDate(value);

    /// <summary>Converts a JSON element: objects become contexts, arrays lists, numbers decimals.</summary>
    public static FeelValue FromJson(JsonElement json) => FeelJson.FromElement(json, 0);

    /// <summary>Converts a JSON node; a missing node is null.</summary>
    public static FeelValue FromJson(JsonNode? json) => FeelJson.FromNode(json, 0);

    /// <summary>
    /// Converts a plain .NET value: null, bool, numbers, string, <see cref="DateOnly"/>,
    /// <see cref="TimeOnly"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/>,
    /// JSON elements and nodes, dictionaries with string keys and sequences. Other types are rejected
    /// rather than reflected over, to keep evaluation sandboxed.
    /// </summary>
    /// <exception cref="ArgumentException">The value's type is not supported.</exception>
    public static FeelValue FromObject(object? value) => FeelJson.FromObject(value, 0);

    /// <summary>
    /// Converts to JSON. Numbers stay numbers, temporal values become their ISO 8601 text,
    /// ranges and functions (which JSON cannot hold) become null.
    /// </summary>
    public JsonNode? ToJsonNode() => FeelJson.ToNode(this);

    /// <summary>The value as FEEL's <c>string()</c> function renders it.</summary>
    public override string ToString() => FeelText.Render(this, quoteStrings: false);
}
