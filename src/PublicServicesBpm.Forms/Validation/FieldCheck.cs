using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Forms;

/// <summary>The check of one field occurrence's value: what the rules need, and where errors go.</summary>
internal sealed class FieldCheck(FieldInstance instance, JsonNode? value, FormValidationContext context, List<FieldError> errors)
{
    public FormComponent Component => instance.Component;

    public FormValidationRules Rules => instance.Component.Validate;

    public JsonNode? Value => value;

    public string PathText => instance.Path.ToString();

    public FormValidationContext Context => context;

    public ExpressionScope Scope => instance.Scope;

    public void Fail(string code, params object?[] arguments) =>
        errors.Add(FieldError.Create(instance.Path.ToString(), Component.Id, code, arguments));

    public void Fail(FieldError error) => errors.Add(error);

    public void WrongType((string Vi, string En) expected) => errors.Add(ValueTypes.WrongType(instance.Path.ToString(), Component.Id, expected));

    /// <summary>A rule value that may be a FEEL expression, as a number; null when absent or when the expression gives no number (form-js then drops the rule).</summary>
    public decimal? Number(FormValue? rule)
    {
        if (rule is null)
        {
            return null;
        }

        if (rule.Expression is { } expression)
        {
            return Scope.Evaluate(expression).TryGetNumber(out var number) ? number : null;
        }

        return rule.Number;
    }

    /// <summary>A value that may be a FEEL expression, as a boolean (only the boolean true is true).</summary>
    public bool Flag(FormValue? setting) => setting switch
    {
        null => false,
        { Expression: { } expression } => Scope.Evaluate(expression).IsTrue,
        _ => setting.Flag == true,
    };

    /// <summary>A date limit (YYYY-MM-DD or an expression giving a date or date-time); null when absent or not a date.</summary>
    public DateOnly? Date(FormValue? limit)
    {
        var text = limit switch
        {
            null => null,
            { Expression: { } expression } => Scope.Evaluate(expression) is { Kind: FeelValueKind.Date or FeelValueKind.DateTime } date ? date.ToString() : null,
            _ => limit.Text,
        };
        return text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>Today in the context's zone (Asia/Ho_Chi_Minh unless told otherwise).</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.TimeProvider.GetUtcNow(), context.TimeZone ?? FeelContext.Empty.TimeZone).DateTime);
}
