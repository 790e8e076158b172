using PublicServicesBpm.Engine.Feel.Evaluation;

namespace PublicServicesBpm.Engine.Feel.Builtins;

internal static partial class BuiltinLibrary
{
    private static void AddNumbers(Define add)
    {
        add("decimal", ["n", "scale"], i => Rounded(i, MidpointRounding.ToEven, scaleRequired: true));
        add("floor", ["n", "scale"], i => Rounded(i, MidpointRounding.ToNegativeInfinity, scaleRequired: false));
        add("ceiling", ["n", "scale"], i => Rounded(i, MidpointRounding.ToPositiveInfinity, scaleRequired: false));
        add("round up", ["n", "scale"], i => Rounded(i, MidpointRounding.AwayFromZero, scaleRequired: true, directed: true));
        add("round down", ["n", "scale"], i => Rounded(i, MidpointRounding.ToZero, scaleRequired: true));
        add("round half up", ["n", "scale"], i => Rounded(i, MidpointRounding.AwayFromZero, scaleRequired: true));
        add("round half down", ["n", "scale"], RoundHalfDown);
        add("abs", ["n"], i => i.Number(0) is { } n ? Num(Math.Abs(n)) : Null);
        add("modulo", ["dividend", "divisor"], i => i.Number(0) is { } a && i.Number(1) is { } b && b != 0
            ? Num(a - (b * decimal.Floor(a / b)))
            : Null);
        add("sqrt", ["number"], i => i.Number(0) is { } n && n >= 0 ? Num(DecimalMath.Sqrt(n)) : Null);
        add("log", ["number"], i => i.Number(0) is { } n && n > 0 && DecimalMath.FromDouble(Math.Log((double)n)) is { } log ? Num(log) : Null);
        add("exp", ["number"], i => i.Number(0) is { } n && DecimalMath.FromDouble(Math.Exp((double)n)) is { } exp ? Num(exp) : Null);
        add("odd", ["number"], i => i.Number(0) is { } n && n == decimal.Truncate(n) ? Bool(n % 2 != 0) : Null);
        add("even", ["number"], i => i.Number(0) is { } n && n == decimal.Truncate(n) ? Bool(n % 2 == 0) : Null);
    }

    // "round up" rounds away from zero for every discarded digit, not only at the midpoint,
    // which MidpointRounding cannot express directly; the same holds for floor and ceiling.
    private static FeelValue Rounded(Invocation i, MidpointRounding mode, bool scaleRequired, bool directed = false)
    {
        if (i.Number(0) is not { } n)
        {
            return Null;
        }

        var scale = i[1].IsNull && !scaleRequired ? 0 : i.Integer(1);
        if (scale is not { } digits || digits is < -28 or > 28)
        {
            return Null;
        }

        var factor = Pow10(Math.Abs(digits));
        var shifted = digits >= 0 ? n * factor : n / factor;
        var rounded = mode switch
        {
            MidpointRounding.ToNegativeInfinity => decimal.Floor(shifted),
            MidpointRounding.ToPositiveInfinity => decimal.Ceiling(shifted),
            MidpointRounding.ToZero => decimal.Truncate(shifted),
            MidpointRounding.AwayFromZero when directed => shifted >= 0 ? decimal.Ceiling(shifted) : decimal.Floor(shifted),
            _ => decimal.Round(shifted, mode),
        };
        return Num(digits >= 0 ? rounded / factor : rounded * factor);
    }

    private static FeelValue RoundHalfDown(Invocation i)
    {
        if (i.Number(0) is not { } n || i.Integer(1) is not { } digits || digits is < -28 or > 28)
        {
            return Null;
        }

        var factor = Pow10(Math.Abs(digits));
        var shifted = digits >= 0 ? n * factor : n / factor;
        var floor = decimal.Truncate(shifted);
        var fraction = Math.Abs(shifted - floor);
        var rounded = fraction > 0.5m ? floor + Math.Sign(shifted) : floor;
        return Num(digits >= 0 ? rounded / factor : rounded * factor);
    }

    private static decimal Pow10(int digits)
    {
        var factor = 1m;
        for (var d = 0; d < digits; d++)
        {
            factor *= 10;
        }

        return factor;
    }
}
