using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>
/// The rules for one value, by component type. The order and conditions follow form-js's Validator
/// (number rules, pattern, required, min, max, minLength, maxLength, phone, email); the value's JSON type
/// and, for selections, dates and files, its content are checked first, because the server, unlike the
/// browser, receives whatever the client sends.
/// </summary>
internal static class FieldRules
{
    public static void Check(FieldCheck check)
    {
        switch (check.Component.Type)
        {
            case "textfield" or "textarea":
                TextRules.Check(check);
                break;
            case "number":
                NumberRules.Check(check);
                break;
            case "datetime":
                DateTimeRules.Check(check);
                break;
            case "checkbox":
                CheckCheckbox(check);
                break;
            case "select" or "radio" or "checklist" or "taglist":
                OptionRules.Check(check);
                break;
            case "filepicker":
                FileRules.Check(check);
                break;
            default:
                break;
        }
    }

    /// <summary>form-js "required": null, "" and an empty list are unset; an unchecked checkbox too.</summary>
    public static void Required(FieldCheck check)
    {
        var value = check.Value;
        var unset = FormJson.IsNullOrEmptyString(value)
            || (value is JsonArray list && list.Count == 0)
            || (check.Component.Type == "checkbox" && value?.GetValueKind() == JsonValueKind.False);
        if (check.Rules.Required && unset)
        {
            check.Fail(FieldErrorCodes.Required);
        }
    }

    private static void CheckCheckbox(FieldCheck check)
    {
        if (check.Value is not null && check.Value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            check.WrongType(ValueTypes.Boolean);
            return;
        }

        Required(check);
    }
}
