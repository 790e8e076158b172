using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>
/// Builds the initial data of a form from the signed-in person and from the applicant's earlier dossier,
/// as each component's <c>properties.prefill</c> asks (see <see cref="PrefillSource"/>). No field is prefilled
/// unless its schema says so; nothing is keyed on field names.
/// </summary>
public static class FormPrefill
{
    /// <summary>
    /// Builds the prefill data: for every component with <c>properties.prefill</c>, the first of its sources
    /// that has a value of a fitting type is written at the component's data path.
    /// </summary>
    /// <param name="schema">The form.</param>
    /// <param name="identity">The signed-in person's data by <see cref="IdentityFields"/> name; missing or blank entries are skipped.</param>
    /// <param name="previousData">The data of the applicant's most recent earlier dossier with this form, or null.</param>
    /// <returns>A new object holding only prefilled values, to pass to the browser as the form's initial data.</returns>
    public static JsonObject Build(FormSchema schema, IReadOnlyDictionary<string, string?> identity, JsonObject? previousData)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(identity);
        var result = new JsonObject();
        Fill(schema.Components, DataPath.Root, identity, previousData, result);
        return result;
    }

    private static void Fill(IReadOnlyList<FormComponent> components, DataPath prefix, IReadOnlyDictionary<string, string?> identity, JsonObject? previous, JsonObject result)
    {
        foreach (var component in components)
        {
            var path = prefix.Append(component.ValueSegments);
            if (component.Kind == FormComponentKind.Group)
            {
                Fill(component.Components, path, identity, previous, result);
                continue;
            }

            foreach (var source in component.Prefill)
            {
                var value = source.Kind == PrefillSourceKind.Identity
                    ? FromIdentity(component, identity.GetValueOrDefault(source.IdentityField!))
                    : FromPrevious(component, path.Get(previous));
                if (value is not null)
                {
                    path.Set(result, value);
                    break;
                }
            }
        }
    }

    /// <summary>An identity text converted to the component's value type, or null when it does not fit.</summary>
    private static JsonValue? FromIdentity(FormComponent component, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return component.Type switch
        {
            "textfield" or "textarea" => JsonValue.Create(text),
            "number" when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
                component.SerializeToString ? JsonValue.Create(text) : JsonValue.Create(number),
            "datetime" when component.Subtype is null or "date" && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => JsonValue.Create(text),
            "checkbox" when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
            "select" or "radio" when component.ValuesKey is not null || component.OptionValues.Any(option => FormJson.AsString(option) == text) => JsonValue.Create(text),
            _ => null,
        };
    }

    /// <summary>The earlier value if its JSON type fits the component, else null.</summary>
    private static JsonNode? FromPrevious(FormComponent component, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        var kind = value.GetValueKind();
        var fits = component.Type switch
        {
            "textfield" or "textarea" or "datetime" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number || (component.SerializeToString && kind == JsonValueKind.String),
            "checkbox" => kind is JsonValueKind.True or JsonValueKind.False,
            "select" or "radio" => kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
            "checklist" or "taglist" => kind == JsonValueKind.Array,
            "dynamiclist" => value is JsonArray list && list.All(item => item is JsonObject),
            _ => false,
        };
        return fits ? value.DeepClone() : null;
    }
}
