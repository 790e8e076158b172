using System.Globalization;

namespace PublicServicesBpm.Engine.Feel.Builtins;

/// <summary>Decimal numbers as FEEL writes them: invariant culture, no trailing zeros, no exponent.</summary>
internal static class NumberFormat
{
    // Dividing by 1 with 28 decimal places yields the same value at its smallest scale.
    private const decimal Normalizer = 1.0000000000000000000000000000m;

    public static decimal Normalize(decimal value) => value / Normalizer;

    public static string Render(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);
}
