using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel;
using PublicServicesBpm.Engine.Feel.Builtins;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Tests.Feel.Differential;

/// <summary>
/// The tagged JSON form both sides are reduced to before comparison (evaluate.mjs writes the
/// library's side). Numbers are compared as decimals so "1" and "1.0" agree but 0.30000000000000004 and 0.3 do not.
/// </summary>
internal static class CanonicalValue
{
    public static string Error => "{\"error\":true}";

    public static string Of(FeelValue value) => ToNode(value)?.ToJsonString() ?? "null";

    /// <summary>Rewrites the library's output: number text becomes normalized decimal text, error messages collapse.</summary>
    public static string FromLibrary(JsonNode? node) => Normalize(node)?.ToJsonString() ?? "null";

    private static JsonNode? ToNode(FeelValue value) => value switch
    {
        FeelNull => null,
        FeelBoolean b => JsonValue.Create(b.Value),
        FeelNumber n => Tagged("number", NumberFormat.Render(n.Value)),
        FeelString s => JsonValue.Create(s.Value),
        FeelList l => new JsonArray([.. l.Items.Select(ToNode)]),
        FeelContextValue c => new JsonObject { ["context"] = new JsonObject(c.Entries.Select(e => KeyValuePair.Create(e.Key, ToNode(e.Value)))) },
        FeelDate d => Tagged("date", TemporalFormat.Date(d.Value)),
        FeelTime t => Tagged("time", TemporalFormat.Time(t.Value, t.Offset)),
        FeelDateTime dt => Tagged("dateTime", TemporalFormat.DateTime(dt)),
        FeelDaysTimeDuration d => Tagged("dtDuration", TemporalFormat.DaysTime(d.Value)),
        FeelYearsMonthsDuration d => Tagged("ymDuration", TemporalFormat.YearsMonths(d.TotalMonths)),
        FeelRange r => new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = ToNode(r.Start),
                ["end"] = ToNode(r.End),
                ["startIncluded"] = r.StartIncluded,
                ["endIncluded"] = r.EndIncluded,
            },
        },
        _ => new JsonObject { ["function"] = true },
    };

    private static JsonObject Tagged(string tag, string text) => new() { [tag] = text };

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(Normalize)]);
            case JsonObject map when map.ContainsKey("error"):
                return JsonNode.Parse(Error);
            case JsonObject map when map.Count == 1 && map["number"] is JsonValue number:
                var text = number.GetValue<string>();
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    ? Tagged("number", NumberFormat.Render(parsed))
                    : Tagged("number", text);
            case JsonObject map:
                return new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value))));
            default:
                return node?.DeepClone();
        }
    }

    public static JsonNode? ParseContext(string? json) => json is null ? null : JsonNode.Parse(json);

    public static FeelContext Context(string? json, TimeProvider clock) =>
        json is null
            ? new FeelContext(timeProvider: clock)
            : FeelContext.FromJson(JsonDocument.Parse(json).RootElement, clock);
}
