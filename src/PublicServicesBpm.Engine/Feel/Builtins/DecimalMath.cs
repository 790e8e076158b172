using System.Globalization;

namespace PublicServicesBpm.Engine.Feel.Builtins;

/// <summary>Functions .NET offers only on double, computed or converted so decimal precision is not thrown away.</summary>
internal static class DecimalMath
{
    /// <summary>Square root to decimal precision: a double estimate refined by Newton's method, so sqrt(16) is exactly 4.</summary>
    public static decimal Sqrt(decimal value)
    {
        if (value == 0)
        {
            return 0;
        }

        var root = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4; i++)
        {
            root = (root + (value / root)) / 2;
        }

        return root;
    }

    /// <summary>
    /// A double result as the decimal with the same shortest round-trip text, e.g. 0.6931471805599453,
    /// the digits JavaScript (and so form-js) shows; null when it is not finite.
    /// </summary>
    public static decimal? FromDouble(double value) =>
        double.IsFinite(value) && decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
