using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Forms;

/// <summary>
/// One component of a form-js schema, as read and checked by <see cref="FormSchema.Parse(string)"/>.
/// Only the properties the server needs are kept; the browser renders the original JSON.
/// </summary>
public sealed record FormComponent
{
    /// <summary>The form-js type, e.g. <c>textfield</c>.</summary>
    public required string Type { get; init; }

    /// <summary>What the component does with data.</summary>
    public required FormComponentKind Kind { get; init; }

    /// <summary>The component id, if the schema gives one.</summary>
    public string? Id { get; init; }

    /// <summary>The data key of an input (a dot-separated path relative to its scope).</summary>
    public string? Key { get; init; }

    /// <summary>The data path of a group (optional) or dynamic list (required).</summary>
    public string? Path { get; init; }

    /// <summary>The label as written (may be a FEEL expression or template).</summary>
    public string? Label { get; init; }

    /// <summary>Where the component is in the schema, for messages.</summary>
    public required string Location { get; init; }

    /// <summary>Children of a group or dynamic list; empty otherwise.</summary>
    public IReadOnlyList<FormComponent> Components { get; init; } = [];

    /// <summary>The validation rules; empty rules when the component has none.</summary>
    public FormValidationRules Validate { get; init; } = FormValidationRules.None;

    /// <summary>The text of <c>conditional.hide</c> (with its leading "="), or null.</summary>
    public string? HideCondition => Hide is null ? null : "=" + Hide.Text;

    /// <summary>For datetime: <c>date</c>, <c>time</c> or <c>datetime</c>.</summary>
    public string? Subtype { get; init; }

    /// <summary>For datetime with a time: <c>utc_offset</c>, <c>utc_normalized</c> or <c>no_timezone</c> (the default).</summary>
    public string? TimeSerializingFormat { get; init; }

    /// <summary>For datetime: dates before today are refused.</summary>
    public bool DisallowPassedDates { get; init; }

    /// <summary>For number: the most digits after the decimal point.</summary>
    public int? DecimalDigits { get; init; }

    /// <summary>For number: valid values are multiples of this.</summary>
    public decimal? Increment { get; init; }

    /// <summary>For number: the value is a numeric string rather than a JSON number.</summary>
    public bool SerializeToString { get; init; }

    /// <summary>Static option values of a select, radio, checklist or taglist.</summary>
    public IReadOnlyList<JsonNode> OptionValues { get; init; } = [];

    /// <summary>The input-data key holding the options, instead of static values.</summary>
    public string? ValuesKey { get; init; }

    /// <summary>For filepicker: the accepted file types (<c>.pdf,image/*</c>), as written.</summary>
    public string? Accept { get; init; }

    /// <summary>The field is disabled: form-js neither validates nor submits it.</summary>
    public bool Disabled { get; init; }

    /// <summary>The custom properties (string values) the designer set in the properties panel.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the value is prefilled from (<c>properties.prefill</c>), in order of preference.</summary>
    public IReadOnlyList<PrefillSource> Prefill { get; init; } = [];

    internal string[] ValueSegments { get; init; } = [];

    internal FeelExpression? Hide { get; init; }

    internal FormValue? Multiple { get; init; }

    internal FeelExpression? Expression { get; init; }

    internal FormValue? MinDate { get; init; }

    internal FormValue? MaxDate { get; init; }

    /// <summary>A short name for messages: the key, else the id, else the type.</summary>
    public override string ToString() => Key ?? Path ?? Id ?? Type;
}
