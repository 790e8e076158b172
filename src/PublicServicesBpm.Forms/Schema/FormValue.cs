using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Forms;

/// <summary>
/// A schema property that form-js lets the designer write either as a constant or as a FEEL
/// expression (a string starting with "="), such as <c>validate.min</c> or <c>multiple</c>.
/// </summary>
internal sealed class FormValue
{
    private FormValue(decimal? number, bool? flag, string? text, FeelExpression? expression)
    {
        Number = number;
        Flag = flag;
        Text = text;
        Expression = expression;
    }

    public decimal? Number { get; }

    public bool? Flag { get; }

    public string? Text { get; }

    public FeelExpression? Expression { get; }

    public static FormValue OfNumber(decimal number) => new(number, null, null, null);

    public static FormValue OfFlag(bool flag) => new(null, flag, null, null);

    public static FormValue OfText(string text) => new(null, null, text, null);

    public static FormValue OfExpression(FeelExpression expression) => new(null, null, null, expression);

    public override string ToString() => Expression is { } e ? "=" + e.Text : Text ?? Flag?.ToString() ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
