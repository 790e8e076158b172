using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>Reading the settings particular to one input type: number, datetime, options, files, expressions.</summary>
internal sealed partial class FormSchemaReader
{
    private FormComponent WithNumberSettings(FormComponent component, JsonObject json)
    {
        int? decimalDigits = null;
        if (json["decimalDigits"] is { } digits)
        {
            if (digits.GetValueKind() == JsonValueKind.Number && digits.AsValue().TryGetValue<int>(out var count) && count >= 0)
            {
                decimalDigits = count;
            }
            else
            {
                Problem(component.Location, FormProblemCodes.InvalidProperty, "decimalDigits", "a whole number ≥ 0 / một số nguyên ≥ 0");
            }
        }

        decimal? increment = null;
        if (json["increment"] is { } step)
        {
            if (FormJson.TryGetDecimal(step, allowNumericString: true, out var value) && value > 0)
            {
                increment = value;
            }
            else
            {
                Problem(component.Location, FormProblemCodes.InvalidProperty, "increment", "a number > 0 / một số > 0");
            }
        }

        return component with
        {
            DecimalDigits = decimalDigits,
            Increment = increment,
            SerializeToString = ReadOptionalBool(json, "serializeToString", component.Location),
        };
    }

    private FormComponent WithDateTimeSettings(FormComponent component, JsonObject json)
    {
        var subtype = ReadOptionalString(json, "subtype", component.Location) ?? "date";
        if (subtype is not ("date" or "time" or "datetime"))
        {
            Problem(component.Location, FormProblemCodes.InvalidProperty, "subtype", "date, time or datetime / date, time hoặc datetime");
        }

        var format = ReadOptionalString(json, "timeSerializingFormat", component.Location);
        if (format is not (null or "utc_offset" or "utc_normalized" or "no_timezone"))
        {
            Problem(component.Location, FormProblemCodes.InvalidProperty, "timeSerializingFormat", "utc_offset, utc_normalized or no_timezone");
        }

        return component with
        {
            Subtype = subtype,
            TimeSerializingFormat = format,
            DisallowPassedDates = ReadOptionalBool(json, "disallowPassedDates", component.Location),
            MinDate = ReadDateLimit(component, "minDate"),
            MaxDate = ReadDateLimit(component, "maxDate"),
        };
    }

    /// <summary>properties.minDate / maxDate: a YYYY-MM-DD date or a FEEL expression giving a date (e.g. "=today()").</summary>
    private FormValue? ReadDateLimit(FormComponent component, string name)
    {
        if (!component.Properties.TryGetValue(name, out var text))
        {
            return null;
        }

        if (text.StartsWith('='))
        {
            return ParseFeel(text, component.Location, $"properties.{name}") is { } expression ? FormValue.OfExpression(expression) : null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return FormValue.OfText(text);
        }

        Problem(component.Location, FormProblemCodes.InvalidProperty, $"properties.{name}", "YYYY-MM-DD or =FEEL / YYYY-MM-DD hoặc =FEEL");
        return null;
    }

    private FormComponent WithOptions(FormComponent component, JsonObject json)
    {
        var location = component.Location;
        if (json["valuesExpression"] is not null)
        {
            // The server cannot check a value against options computed from the applicant's own input.
            Problem(location, FormProblemCodes.InvalidOptions, "valuesExpression is not accepted / không chấp nhận valuesExpression");
        }

        var valuesKey = ReadOptionalString(json, "valuesKey", location);
        var values = json["values"];
        var options = new List<JsonNode>();
        if (!string.IsNullOrEmpty(valuesKey) && values is not null)
        {
            Problem(location, FormProblemCodes.InvalidOptions, "both values and valuesKey / có cả values và valuesKey");
        }
        else if (valuesKey is not null)
        {
            if (valuesKey.Length == 0 || valuesKey.Any(char.IsWhiteSpace))
            {
                Problem(location, FormProblemCodes.InvalidOptions, "valuesKey is empty or has spaces / valuesKey rỗng hoặc có khoảng trắng");
            }
        }
        else if (values is JsonArray list && list.Count > 0)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (OptionValue(list[i]) is { } value)
                {
                    options.Add(value);
                }
                else
                {
                    Problem($"{location}.values[{i}]", FormProblemCodes.InvalidOptions, "each option needs a non-empty value / mỗi lựa chọn cần có value");
                }
            }
        }
        else if (json["valuesExpression"] is null)
        {
            Problem(location, FormProblemCodes.InvalidOptions, "no options / không có lựa chọn nào");
        }

        return component with
        {
            OptionValues = options,
            ValuesKey = string.IsNullOrEmpty(valuesKey) ? null : valuesKey,
        };
    }

    /// <summary>The value of one static option as form-js normalizes it, or null when form-js would drop the option.</summary>
    internal static JsonNode? OptionValue(JsonNode? option) => option switch
    {
        JsonObject map when map["value"] is { } value && FormJson.IsAllowedOptionValue(value) => value.DeepClone(),
        JsonValue primitive when FormJson.IsAllowedOptionValue(primitive) => primitive.DeepClone(),
        _ => null,
    };

    private FormComponent WithFileSettings(FormComponent component, JsonObject json)
    {
        FormValue? multiple = null;
        switch (json["multiple"])
        {
            case null:
                break;
            case var node when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                multiple = FormValue.OfFlag(node.GetValue<bool>());
                break;
            case var node when AsString(node) is { } text && text.StartsWith('='):
                multiple = ParseFeel(text, component.Location, "multiple") is { } expression ? FormValue.OfExpression(expression) : null;
                break;
            default:
                Problem(component.Location, FormProblemCodes.InvalidProperty, "multiple", "true, false or =FEEL / true, false hoặc =FEEL");
                break;
        }

        return component with
        {
            Accept = ReadOptionalString(json, "accept", component.Location),
            Multiple = multiple,
        };
    }

    private FormComponent WithExpression(FormComponent component, JsonObject json)
    {
        var text = ReadOptionalString(json, "expression", component.Location);
        var expression = text is null ? null : ParseFeel(text, component.Location, "expression");
        if (expression is null && (text is null || !text.StartsWith('=')))
        {
            Problem(component.Location, FormProblemCodes.InvalidProperty, "expression", "a FEEL expression starting with \"=\" / một biểu thức FEEL bắt đầu bằng \"=\"");
        }

        return component with
        {
            Expression = expression,
        };
    }
}
