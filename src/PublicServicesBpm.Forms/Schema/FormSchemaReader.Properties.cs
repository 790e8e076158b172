using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Forms;

/// <summary>Reading the properties of a component: plain values, FEEL expressions, custom properties.</summary>
internal sealed partial class FormSchemaReader
{
    // Properties whose string value form-js evaluates as FEEL when it starts with "=". Custom
    // "properties", option labels and keys are never expressions; valuesExpression is refused elsewhere.
    private static readonly string[] ExpressionProperties =
        ["label", "description", "text", "readonly", "source", "alt", "url", "accept", "multiple", "dataSource", "columnsExpression"];

    // validate's expressions (min, max, minLength, maxLength) are parsed where the rules are read.
    private static readonly string[] ExpressionContainers = ["appearance"];

    private void CheckExpressions(JsonObject json, string location)
    {
        foreach (var name in ExpressionProperties)
        {
            if (AsString(json[name]) is { } text)
            {
                ParseFeel(text, location, name);
            }
        }

        foreach (var container in ExpressionContainers)
        {
            if (json[container] is JsonObject inner)
            {
                foreach (var (name, value) in inner)
                {
                    if (AsString(value) is { } text)
                    {
                        ParseFeel(text, location, $"{container}.{name}");
                    }
                }
            }
        }
    }

    /// <summary>Parses "=expression" text; null for text that is not an expression, is blank, or does not parse (then a problem is recorded).</summary>
    private FeelExpression? ParseFeel(string text, string location, string property)
    {
        if (!text.StartsWith('=') || string.IsNullOrWhiteSpace(text[1..]))
        {
            return null;
        }

        try
        {
            return FeelExpression.Parse(text[1..]);
        }
        catch (FeelException e)
        {
            Problem($"{location}.{property}", FormProblemCodes.InvalidFeel, property, e.Message);
            return null;
        }
    }

    private FeelExpression? ReadHide(JsonObject json, string location)
    {
        if (json["conditional"] is not { } conditional)
        {
            return null;
        }

        if (conditional is not JsonObject map)
        {
            Problem(location, FormProblemCodes.InvalidProperty, "conditional", "an object / một đối tượng");
            return null;
        }

        return map["hide"] switch
        {
            null => null,
            // form-js only evaluates a string starting with "="; anything else would silently never hide.
            var hide when AsString(hide) is { } text && text.StartsWith('=') => ParseFeel(text, location, "conditional.hide"),
            _ => InvalidHide(location),
        };
    }

    private FeelExpression? InvalidHide(string location)
    {
        Problem(location, FormProblemCodes.InvalidProperty, "conditional.hide", "a FEEL expression starting with \"=\" / một biểu thức FEEL bắt đầu bằng \"=\"");
        return null;
    }

    private string? ReadOptionalString(JsonObject json, string name, string location)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (AsString(node) is { } text)
        {
            return text;
        }

        Problem(location, FormProblemCodes.InvalidProperty, name, "a string / một chuỗi");
        return null;
    }

    private bool ReadOptionalBool(JsonObject json, string name, string location)
    {
        var node = json[name];
        if (node is null)
        {
            return false;
        }

        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }

        Problem(location, FormProblemCodes.InvalidProperty, name, "true or false / true hoặc false");
        return false;
    }

    /// <summary>A number constant (JSON number or numeric string) or "=expression"; null when absent or invalid.</summary>
    private FormValue? ReadNumberOrExpression(JsonNode? node, string location, string property, bool wholeNonNegative)
    {
        if (node is null)
        {
            return null;
        }

        if (AsString(node) is { } text && text.StartsWith('='))
        {
            return ParseFeel(text, location, property) is { } expression ? FormValue.OfExpression(expression) : null;
        }

        if (FormJson.TryGetDecimal(node, allowNumericString: true, out var number) && (!wholeNonNegative || (number >= 0 && number == decimal.Truncate(number))))
        {
            return FormValue.OfNumber(number);
        }

        Problem($"{location}.{property}", FormProblemCodes.InvalidRule, property, wholeNonNegative
            ? "a whole number ≥ 0 or a FEEL expression / một số nguyên ≥ 0 hoặc biểu thức FEEL"
            : "a number or a FEEL expression / một số hoặc biểu thức FEEL");
        return null;
    }

    private Dictionary<string, string> ReadProperties(JsonObject json, string location)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (json["properties"])
        {
            case null:
                break;
            case JsonObject map:
                foreach (var (name, value) in map)
                {
                    if (AsString(value) is { } text)
                    {
                        result[name] = text;
                    }
                    else
                    {
                        // The form-js properties panel writes strings; anything else is a hand edit gone wrong.
                        Problem(location, FormProblemCodes.InvalidProperty, $"properties.{name}", "a string / một chuỗi");
                    }
                }

                break;
            default:
                Problem(location, FormProblemCodes.InvalidProperty, "properties", "an object / một đối tượng");
                break;
        }

        return result;
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Invariant(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
