using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>
/// Validates a submitted form on the server with the rules the browser (form-js) applies, and keeps only
/// what the browser would have submitted: the values of visible, enabled fields.
/// </summary>
public static class FormSubmissionValidator
{
    /// <summary>
    /// Validates <paramref name="submission"/> against <paramref name="schema"/>.
    /// <list type="number">
    /// <item>Structure: every property must be bound by some component; group paths hold objects, dynamic lists lists of objects.</item>
    /// <item>Visibility, as form-js renders: hide conditions are first applied to the raw submission to filter
    /// it, then evaluated again over the initial data overlaid with the filtered submission. A hidden
    /// component hides everything inside it.</item>
    /// <item>Each visible, enabled input is checked (type, required, patterns, ranges, options, dates, files);
    /// hidden and disabled inputs are neither checked nor kept. Expression fields are computed here, whatever
    /// the client sent.</item>
    /// </list>
    /// Never throws for bad data; the inputs are not modified.
    /// </summary>
    public static FormValidationResult Validate(FormSchema schema, JsonObject submission, FormValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(context);

        var errors = new List<FieldError>();
        ShapeCheck.Check(schema.Shape, submission, DataPath.Root, errors);

        var visible = VisibleData(schema, submission, context);
        var cleaned = new JsonObject();
        var scope = ExpressionScope.ForForm(visible, context.TimeProvider, context.TimeZone);
        FieldWalker.Walk(schema.Components, DataPath.Root, scope, hidden: false, submission, context.MaxListItems, instance =>
        {
            if (instance.Hidden || instance.Component.Disabled)
            {
                return;
            }

            switch (instance.Component)
            {
                case { Kind: FormComponentKind.DynamicList }:
                    if (instance.Path.Get(submission) is JsonArray list && list.Count > context.MaxListItems)
                    {
                        errors.Add(FieldError.Create(instance.Path.ToString(), instance.Component.Id, FieldErrorCodes.TooManyItems, context.MaxListItems));
                    }

                    break;
                case { Kind: FormComponentKind.Input, Expression: { } expression }:
                    instance.Path.Set(cleaned, instance.Scope.Evaluate(expression).ToJsonNode());
                    break;
                case { Kind: FormComponentKind.Input, Type: not "expression" }:
                    var value = instance.Path.Get(submission);
                    FieldRules.Check(new FieldCheck(instance, value, context, errors));
                    if (instance.Path.Exists(submission))
                    {
                        instance.Path.Set(cleaned, value?.DeepClone());
                    }

                    break;
                default:
                    break;
            }
        });
        return new FormValidationResult(errors, cleaned);
    }

    /// <summary>
    /// The data conditions see in the browser: the initial data overlaid with the submission from which
    /// hidden fields were removed (form-js's filtered form data). A removed top-level property also masks
    /// the initial data's property of that name, as the browser's object spread does.
    /// </summary>
    private static JsonObject VisibleData(FormSchema schema, JsonObject submission, FormValidationContext context)
    {
        var filtered = (JsonObject)submission.DeepClone();
        var masked = new HashSet<string>(StringComparer.Ordinal);
        var rawScope = ExpressionScope.ForForm(submission, context.TimeProvider, context.TimeZone);
        FieldWalker.Walk(schema.Components, DataPath.Root, rawScope, hidden: false, submission, context.MaxListItems, instance =>
        {
            if (instance.Hidden && instance.Component.Kind is FormComponentKind.Input or FormComponentKind.DynamicList
                && instance.Path.Remove(filtered) is { } topLevel)
            {
                masked.Add(topLevel);
            }
        });

        var visible = context.InitialData?.DeepClone() as JsonObject ?? [];
        foreach (var name in masked)
        {
            visible.Remove(name);
        }

        foreach (var (name, value) in filtered)
        {
            visible[name] = value?.DeepClone();
        }

        return visible;
    }
}
