using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel.Builtins;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel;

/// <summary>
/// Conversions between FEEL values and JSON or plain .NET values. JSON text stays a string:
/// a variable holding "2024-01-01" is a string until an expression calls date() on it, which is
/// also how form-js sees it.
/// </summary>
internal static class FeelJson
{
    // JSON nested deeper than this is refused rather than recursed into.
    private const int MaxDepth = 64;

    public static FeelValue FromElement(JsonElement json, int depth)
    {
        CheckDepth(depth);
        return json.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => FeelValue.Null,
            JsonValueKind.True => FeelBoolean.True,
            JsonValueKind.False => FeelBoolean.False,
            JsonValueKind.String => new FeelString(json.GetString()!),
            JsonValueKind.Number => json.TryGetDecimal(out var number) ? new FeelNumber(number) : FeelValue.Null,
            JsonValueKind.Array => new FeelList([.. json.EnumerateArray().Select(item => FromElement(item, depth + 1))]),
            _ => Context(json.EnumerateObject().Select(p => (p.Name, FromElement(p.Value, depth + 1)))),
        };
    }

    public static FeelValue FromNode(JsonNode? json, int depth)
    {
        CheckDepth(depth);
        return json switch
        {
            null => FeelValue.Null,
            JsonObject map => Context(map.Select(p => (p.Key, FromNode(p.Value, depth + 1)))),
            JsonArray list => new FeelList([.. list.Select(item => FromNode(item, depth + 1))]),
            JsonValue scalar when scalar.TryGetValue<JsonElement>(out var element) => FromElement(element, depth),
            // A value built in code (JsonValue.Create(5)) holds a .NET value, not an element: read it back as JSON.
            _ => FromText(json.ToJsonString(), depth),
        };
    }

    private static FeelValue FromText(string json, int depth)
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement, depth);
    }

    public static FeelValue FromObject(object? value, int depth)
    {
        CheckDepth(depth);
        return value switch
        {
            null => FeelValue.Null,
            FeelValue feel => feel,
            bool b => FeelBoolean.Of(b),
            string s => new FeelString(s),
            byte or sbyte or short or ushort or int or uint or long or ulong or decimal => new FeelNumber(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            double or float => FromDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            DateOnly d => new FeelDate(d),
            TimeOnly t => new FeelTime(t, null),
            DateTimeOffset dto => new FeelDateTime(dto.DateTime, dto.Offset, null),
            DateTime dt => dt.Kind == DateTimeKind.Utc ? new FeelDateTime(dt, TimeSpan.Zero, null) : new FeelDateTime(dt, null, null),
            TimeSpan span => new FeelDaysTimeDuration(span),
            JsonElement element => FromElement(element, depth),
            JsonNode node => FromNode(node, depth),
            IDictionary map => Context(map.Keys.Cast<object>().Select(k => (k as string ?? throw new ArgumentException("Dictionary keys must be strings", nameof(value)), FromObject(map[k], depth + 1)))),
            IEnumerable items => new FeelList([.. items.Cast<object?>().Select(item => FromObject(item, depth + 1))]),
            _ => throw new ArgumentException($"Values of type {value.GetType().Name} cannot be used in FEEL", nameof(value)),
        };
    }

    // The shortest text that round-trips the double, so 0.1 becomes the decimal 0.1, not 0.1000000000000000055...
    private static FeelValue FromDouble(double value) =>
        DecimalMath.FromDouble(value) is { } number ? new FeelNumber(number) : FeelValue.Null;

    public static JsonNode? ToNode(FeelValue value) => value switch
    {
        FeelBoolean b => JsonValue.Create(b.Value),
        FeelNumber n => JsonValue.Create(NumberFormat.Normalize(n.Value)),
        FeelString s => JsonValue.Create(s.Value),
        FeelList l => new JsonArray([.. l.Items.Select(ToNode)]),
        FeelContextValue c => new JsonObject(c.Entries.Select(e => KeyValuePair.Create(e.Key, ToNode(e.Value)))),
        FeelDate or FeelTime or FeelDateTime or FeelDaysTimeDuration or FeelYearsMonthsDuration => JsonValue.Create(FeelText.Render(value, quoteStrings: false)),
        _ => null,
    };

    private static FeelContextValue Context(IEnumerable<(string Key, FeelValue Value)> entries)
    {
        var map = new OrderedDictionary<string, FeelValue>();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return new FeelContextValue(map);
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FeelException($"Data is nested more than {MaxDepth} levels deep");
        }
    }
}
