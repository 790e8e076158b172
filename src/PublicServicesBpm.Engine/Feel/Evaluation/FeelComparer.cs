using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>
/// FEEL equality and ordering. Values of different types are neither equal nor unequal: the
/// result is null (unknown), except that null equals only null.
/// </summary>
internal static class FeelComparer
{
    public static bool? AreEqual(FeelValue left, FeelValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return left.IsNull && right.IsNull;
        }

        return (left, right) switch
        {
            (FeelNumber a, FeelNumber b) => a.Value == b.Value,
            (FeelString a, FeelString b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal),
            (FeelBoolean a, FeelBoolean b) => a.Value == b.Value,
            (FeelList a, FeelList b) => ListsEqual(a, b),
            (FeelContextValue a, FeelContextValue b) => ContextsEqual(a, b),
            (FeelRange a, FeelRange b) => a.StartIncluded == b.StartIncluded && a.EndIncluded == b.EndIncluded
                && AreEqual(a.Start, b.Start) == true && AreEqual(a.End, b.End) == true,
            (FeelFunction a, FeelFunction b) => ReferenceEquals(a, b),
            _ => Compare(left, right) is { } order ? order == 0 : null,
        };
    }

    /// <summary>Orders two values of the same ordered type; null when they cannot be ordered.</summary>
    public static int? Compare(FeelValue left, FeelValue right) => (left, right) switch
    {
        (FeelNumber a, FeelNumber b) => a.Value.CompareTo(b.Value),
        (FeelString a, FeelString b) => Math.Sign(string.CompareOrdinal(a.Value, b.Value)),
        (FeelDate a, FeelDate b) => a.Value.CompareTo(b.Value),
        (FeelTime a, FeelTime b) => CompareTimes(a, b),
        (FeelDateTime a, FeelDateTime b) => CompareDateTimes(a, b),
        (FeelDaysTimeDuration a, FeelDaysTimeDuration b) => a.Value.CompareTo(b.Value),
        (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b) => a.TotalMonths.CompareTo(b.TotalMonths),
        _ => null,
    };

    private static int? CompareTimes(FeelTime a, FeelTime b)
    {
        if (a.Offset.HasValue != b.Offset.HasValue)
        {
            return a.Value.ToTimeSpan().CompareTo(b.Value.ToTimeSpan());
        }

        var left = a.Value.ToTimeSpan() - (a.Offset ?? TimeSpan.Zero);
        var right = b.Value.ToTimeSpan() - (b.Offset ?? TimeSpan.Zero);
        return left.CompareTo(right);
    }

    // Two local values compare by wall clock, two offset values by instant; a mix compares the
    // wall clock readings, which is what a reader of the expression sees.
    private static int? CompareDateTimes(FeelDateTime a, FeelDateTime b) =>
        a.Offset.HasValue && b.Offset.HasValue ? a.Instant.CompareTo(b.Instant) : a.Local.CompareTo(b.Local);

    private static bool ListsEqual(FeelList a, FeelList b)
    {
        if (a.Items.Count != b.Items.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Items.Count; i++)
        {
            if (AreEqual(a.Items[i], b.Items[i]) != true)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContextsEqual(FeelContextValue a, FeelContextValue b) =>
        a.Entries.Count == b.Entries.Count
        && a.Entries.All(entry => b.Entries.TryGetValue(entry.Key, out var other) && AreEqual(entry.Value, other) == true);
}
