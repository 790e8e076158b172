using System.Globalization;
using System.Text;

namespace PublicServicesBpm.Engine.Definitions;

/// <summary>
/// An ISO-8601 duration (<c>PnYnMnWnDTnHnMnS</c>) kept by component, because "P3D" on the working
/// calendar means three working days, not 72 hours: only the business calendar can turn it into time.
/// Only the seconds may have a fraction; negative durations are not allowed.
/// </summary>
public readonly record struct IsoDuration(
    int Years, int Months, int Weeks, int Days, int Hours, int Minutes, decimal Seconds)
{
    /// <summary>Parses an ISO-8601 duration; returns false for anything else (including <c>P</c> and <c>PT</c>).</summary>
    /// <param name="text">The text, e.g. <c>P3D</c>, <c>PT4H</c>, <c>P1Y2M</c>, <c>P2W</c>.</param>
    /// <param name="duration">The parsed duration.</param>
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64 || text[0] != 'P')
        {
            return false;
        }

        var values = new decimal[7];
        var seen = new bool[7];
        var inTime = false;
        var lastIndex = -1;
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime || i == text.Length - 1)
                {
                    return false;
                }

                inTime = true;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.' || text[i] == ','))
            {
                i++;
            }

            if (i == start || i == text.Length)
            {
                return false;
            }

            var index = ComponentIndex(text[i], inTime);
            var number = text[start..i].Replace(',', '.');
            if (index <= lastIndex || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || (index != 6 && (number.Contains('.', StringComparison.Ordinal) || value > int.MaxValue)))
            {
                return false;
            }

            values[index] = value;
            seen[index] = true;
            lastIndex = index;
            i++;
        }

        if (lastIndex < 0 || (inTime && !seen[4] && !seen[5] && !seen[6]))
        {
            return false;
        }

        duration = new IsoDuration(
            (int)values[0], (int)values[1], (int)values[2], (int)values[3], (int)values[4], (int)values[5], values[6]);
        return true;
    }

    /// <summary>True when every component is zero.</summary>
    public bool IsZero => this == default;

    /// <summary>The canonical ISO-8601 text, e.g. <c>P1DT2H</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (Hours != 0 || Minutes != 0 || Seconds != 0)
        {
            text.Append('T');
            Append(text, Hours, 'H');
            Append(text, Minutes, 'M');
            if (Seconds != 0)
            {
                text.Append(Seconds.ToString(CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    private static void Append(StringBuilder text, int value, char designator)
    {
        if (value != 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }

    // Maps a designator to its slot; the slots are in the only order ISO-8601 allows.
    private static int ComponentIndex(char designator, bool inTime) => (designator, inTime) switch
    {
        ('Y', false) => 0,
        ('M', false) => 1,
        ('W', false) => 2,
        ('D', false) => 3,
        ('H', true) => 4,
        ('M', true) => 5,
        ('S', true) => 6,
        _ => -1,
    };
}
