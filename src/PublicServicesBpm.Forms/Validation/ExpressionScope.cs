using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Forms;

/// <summary>
/// The variables a form expression sees, built the way form-js builds them: every top-level property of
/// the form data, plus <c>this</c> (the current dynamic-list item, or the whole data at the top),
/// <c>parent</c> (the enclosing scope) and <c>i</c> (the one-based item numbers), each also as
/// <c>_this_</c>, <c>_parent_</c>, <c>_i_</c>, which data cannot shadow.
/// </summary>
internal sealed class ExpressionScope
{
    private readonly IReadOnlyDictionary<string, FeelValue> _data;
    private readonly JsonNode? _this;
    private readonly ExpressionScope? _parent;
    private readonly int[] _numbers;
    private readonly TimeProvider _clock;
    private readonly TimeZoneInfo? _zone;

    private ExpressionScope(IReadOnlyDictionary<string, FeelValue> data, JsonNode? self, ExpressionScope? parent, int[] numbers, TimeProvider clock, TimeZoneInfo? zone)
    {
        _data = data;
        _this = self;
        _parent = parent;
        _numbers = numbers;
        _clock = clock;
        _zone = zone;
    }

    /// <summary>The scope at the top of the form over <paramref name="data"/>.</summary>
    public static ExpressionScope ForForm(JsonObject data, TimeProvider clock, TimeZoneInfo? zone) =>
        new(Entries(data), data, null, [], clock, zone);

    /// <summary>The scope of item <paramref name="index"/> (zero-based) of a dynamic list.</summary>
    public ExpressionScope ForItem(JsonNode? item, int index) => new(_data, item, this, [.. _numbers, index + 1], _clock, _zone);

    public FeelContext Context => field ??= new FeelContext(Variables(_data), _clock, _zone);

    /// <summary>Evaluates a FEEL expression; a bound exceeded counts as null, as form-js turns errors into null.</summary>
    public FeelValue Evaluate(FeelExpression expression)
    {
        try
        {
            return expression.Evaluate(Context);
        }
        catch (FeelException)
        {
            return FeelValue.Null;
        }
    }

    /// <summary>
    /// Whether a <c>conditional.hide</c> expression hides the component. form-js evaluates it as a FEEL
    /// unary test with no input value: a boolean counts as itself, null counts as true (null equals the
    /// missing input), a list counts as true when it contains null, anything else as false.
    /// </summary>
    public bool Hides(FeelExpression condition) => Evaluate(condition) switch
    {
        { Kind: FeelValueKind.Boolean } result => result.IsTrue,
        { Kind: FeelValueKind.Null } => true,
        { Kind: FeelValueKind.List } list => list.ToJsonNode() is JsonArray items && items.Any(item => item is null),
        _ => false,
    };

    private Dictionary<string, FeelValue> Variables(IReadOnlyDictionary<string, FeelValue> data)
    {
        var self = Convert(_this);
        var parent = _parent is null ? FeelValue.Null : FeelValue.FromObject(_parent.Variables(_parent.ThisEntries()));
        var numbers = FeelValue.List(_numbers.Select(n => FeelValue.Number(n)));
        var variables = new Dictionary<string, FeelValue>(StringComparer.Ordinal)
        {
            ["this"] = self,
            ["parent"] = parent,
            ["i"] = numbers,
        };
        foreach (var (name, value) in data)
        {
            variables[name] = value;
        }

        variables["_this_"] = self;
        variables["_parent_"] = parent;
        variables["_i_"] = numbers;
        return variables;
    }

    private static FeelValue Convert(JsonNode? node)
    {
        try
        {
            return FeelValue.FromJson(node);
        }
        catch (FeelException)
        {
            return FeelValue.Null;
        }
    }

    private Dictionary<string, FeelValue> ThisEntries() => _this is JsonObject map ? Entries(map) : [];

    private static Dictionary<string, FeelValue> Entries(JsonObject data)
    {
        var entries = new Dictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var (name, value) in data)
        {
            try
            {
                entries[name] = FeelValue.FromJson(value);
            }
            catch (FeelException)
            {
                // Data nested deeper than FEEL accepts is invisible to expressions rather than fatal.
                entries[name] = FeelValue.Null;
            }
        }

        return entries;
    }
}
