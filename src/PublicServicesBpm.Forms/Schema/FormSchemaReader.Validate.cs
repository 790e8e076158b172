using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>Reading the <c>validate</c> object: which rules each type allows (form-js's JSON schema) and whether they are sound.</summary>
internal sealed partial class FormSchemaReader
{
    private FormValidationRules ReadValidate(JsonObject json, string type, string location)
    {
        switch (json["validate"])
        {
            case null:
                return FormValidationRules.None;
            case JsonObject validate:
                return ReadRules(validate, type, $"{location}.validate");
            default:
                Problem(location, FormProblemCodes.InvalidRule, "validate", "an object / một đối tượng");
                return FormValidationRules.None;
        }
    }

    private FormValidationRules ReadRules(JsonObject validate, string type, string location)
    {
        var isText = type == "textfield";
        var hasLength = type is "textfield" or "textarea";
        var isNumber = type == "number";
        foreach (var (name, value) in validate)
        {
            var allowed = name switch
            {
                "required" => true,
                "pattern" or "patternErrorMessage" or "validationType" => isText,
                "minLength" or "maxLength" => hasLength,
                "min" or "max" => isNumber,
                _ => false,
            };
            if (!allowed && value is not null)
            {
                Problem(location, FormProblemCodes.InvalidRule, name, $"not allowed on {type} / không dùng cho {type}");
            }
        }

        var required = false;
        if (validate["required"] is { } requiredNode)
        {
            if (requiredNode.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                required = requiredNode.GetValue<bool>();
            }
            else
            {
                Problem(location, FormProblemCodes.InvalidRule, "required", "true or false / true hoặc false");
            }
        }

        var validationType = isText ? ReadValidationType(validate, location) : null;
        var pattern = isText ? ReadOptionalString(validate, "pattern", location) : null;
        string? error = null;
        var patternRegex = string.IsNullOrEmpty(pattern) ? null : PatternCompiler.TryCompile(pattern, out error);
        if (!string.IsNullOrEmpty(pattern) && patternRegex is null)
        {
            Problem($"{location}.pattern", FormProblemCodes.InvalidPattern, pattern, error);
        }

        var patternMessage = isText ? ReadOptionalString(validate, "patternErrorMessage", location) : null;
        if (patternMessage is not null && string.IsNullOrEmpty(pattern))
        {
            Problem(location, FormProblemCodes.InvalidRule, "patternErrorMessage", "needs a pattern / cần có pattern");
        }

        var min = isNumber ? ReadNumberOrExpression(validate["min"], location, "min", wholeNonNegative: false) : null;
        var max = isNumber ? ReadNumberOrExpression(validate["max"], location, "max", wholeNonNegative: false) : null;
        var minLength = hasLength ? ReadNumberOrExpression(validate["minLength"], location, "minLength", wholeNonNegative: true) : null;
        var maxLength = hasLength ? ReadNumberOrExpression(validate["maxLength"], location, "maxLength", wholeNonNegative: true) : null;
        CheckOrder(min, max, location);
        CheckOrder(minLength, maxLength, location);
        return new FormValidationRules
        {
            Required = required,
            Pattern = string.IsNullOrEmpty(pattern) ? null : pattern,
            PatternRegex = patternRegex,
            PatternErrorMessage = patternMessage,
            ValidationType = validationType,
            Min = min,
            Max = max,
            MinLength = minLength,
            MaxLength = maxLength,
        };
    }

    private string? ReadValidationType(JsonObject validate, string location)
    {
        var node = validate["validationType"];
        if (node is null)
        {
            return null;
        }

        var text = AsString(node);
        switch (text)
        {
            case "email" or "phone":
                return text;
            case "custom" or "":
                return null;
            default:
                Problem(location, FormProblemCodes.InvalidRule, "validationType", "email, phone or custom / email, phone hoặc custom");
                return null;
        }
    }

    private void CheckOrder(FormValue? min, FormValue? max, string location)
    {
        if (min?.Number is { } low && max?.Number is { } high && low > high)
        {
            Problem(location, FormProblemCodes.MinGreaterThanMax, Invariant(low), Invariant(high));
        }
    }
}
