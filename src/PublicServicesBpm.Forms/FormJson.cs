using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>Small readings of JSON values with form-js's notion of what a value is.</summary>
internal static class FormJson
{
    /// <summary>Reads a JSON number, or with <paramref name="allowNumericString"/> a string holding one.</summary>
    public static bool TryGetDecimal(JsonNode? node, bool allowNumericString, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => value.TryGetValue(out number) || TryParse(value.ToJsonString(), out number),
            JsonValueKind.String when allowNumericString => TryParse(value.GetValue<string>().Trim(), out number),
            _ => false,
        };
    }

    private static bool TryParse(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);

    /// <summary>form-js's allowed option value: a non-empty string, any number, a boolean, or a non-empty object.</summary>
    public static bool IsAllowedOptionValue(JsonNode value) => value switch
    {
        JsonObject map => map.Count > 0,
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.String => scalar.GetValue<string>().Length > 0,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => true,
            _ => false,
        },
        _ => false,
    };

    /// <summary>form-js's "empty": null, missing or the empty string.</summary>
    public static bool IsNullOrEmptyString(JsonNode? node) =>
        node is null || (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0);

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Text for messages: strings as they are, everything else as compact JSON.</summary>
    public static string Show(JsonNode? node) => AsString(node) ?? node?.ToJsonString() ?? "null";
}
