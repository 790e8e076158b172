using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>
/// Select, radio, checklist and taglist: every chosen value must be one of the options. Static options come
/// from the schema; a <c>valuesKey</c> names a list in the form's initial data (never the submission, which
/// the applicant controls). form-js drops values that are not options when it loads data; the server,
/// receiving them anyway, refuses them.
/// </summary>
internal static class OptionRules
{
    public static void Check(FieldCheck check)
    {
        var value = check.Value;
        var multi = FormComponentTypes.IsMultiSelect(check.Component.Type);
        if (multi && value is not null and not JsonArray)
        {
            check.WrongType(ValueTypes.List);
            return;
        }

        var chosen = value switch
        {
            JsonArray list => list.ToList(),
            _ when FormJson.IsNullOrEmptyString(value) => [],
            _ => [value],
        };
        if (!multi && value is JsonArray)
        {
            check.WrongType(ValueTypes.Text);
            return;
        }

        if (chosen.Count > 0)
        {
            var options = Options(check);
            if (options is null)
            {
                check.Fail(FieldErrorCodes.OptionsUnavailable, check.Component.ValuesKey);
                return;
            }

            foreach (var item in chosen)
            {
                if (item is null || !options.Any(option => JsonNode.DeepEquals(option, item)))
                {
                    check.Fail(FieldErrorCodes.NotAnOption, FormJson.Show(item));
                }
            }
        }

        FieldRules.Required(check);
    }

    private static List<JsonNode>? Options(FieldCheck check)
    {
        if (check.Component.ValuesKey is not { } key)
        {
            return [.. check.Component.OptionValues];
        }

        return check.Context.InitialData?[key] is JsonArray list
            ? [.. list.Select(FormSchemaReader.OptionValue).OfType<JsonNode>()]
            : null;
    }
}
