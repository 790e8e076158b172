using PublicServicesBpm.Engine.Feel.Syntax;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>The "in" test against one operand, range inclusion, and iteration over number ranges.</summary>
internal static class Membership
{
    /// <summary>
    /// A list operand tests membership, a range tests inclusion, anything else tests equality.
    /// Null means the answer is unknown (e.g. comparing a number with a string).
    /// </summary>
    public static bool? Matches(FeelValue value, FeelValue operand) => operand switch
    {
        FeelList list => Contains(list, value),
        FeelRange range => Includes(range, value),
        _ => FeelComparer.AreEqual(value, operand),
    };

    public static bool Contains(FeelList list, FeelValue value) =>
        list.Items.Any(item => FeelComparer.AreEqual(item, value) == true);

    public static bool? Includes(FeelRange range, FeelValue value)
    {
        if (value.IsNull)
        {
            return null;
        }

        bool? afterStart = range.Start.IsNull
            ? true
            : Evaluator.Test(range.StartIncluded ? BinaryOperator.GreaterOrEqual : BinaryOperator.Greater, value, range.Start);
        bool? beforeEnd = range.End.IsNull
            ? true
            : Evaluator.Test(range.EndIncluded ? BinaryOperator.LessOrEqual : BinaryOperator.Less, value, range.End);
        if (afterStart == false || beforeEnd == false)
        {
            return false;
        }

        return afterStart == true && beforeEnd == true ? true : null;
    }

    /// <summary>The whole numbers from start to end, both included, counting down if end is smaller.</summary>
    public static IEnumerable<FeelValue>? Enumerate(FeelValue start, FeelValue end, EvaluationRun run)
    {
        if (start is not FeelNumber from || end is not FeelNumber to
            || from.Value != decimal.Truncate(from.Value) || to.Value != decimal.Truncate(to.Value))
        {
            return null;
        }

        var count = Math.Abs(to.Value - from.Value) + 1;
        run.CheckSize(count > int.MaxValue ? int.MaxValue : (int)count);
        var step = to.Value >= from.Value ? 1 : -1;
        return Enumerable.Range(0, (int)count).Select(i => (FeelValue)new FeelNumber(from.Value + (i * step)));
    }

    /// <summary>The whole numbers a number range holds, honouring open ends.</summary>
    public static IEnumerable<FeelValue>? Enumerate(FeelRange range, EvaluationRun run)
    {
        if (range.Start is not FeelNumber start || range.End is not FeelNumber end)
        {
            return null;
        }

        var first = range.StartIncluded ? start.Value : start.Value + 1;
        var last = range.EndIncluded ? end.Value : end.Value - 1;
        return first > last ? [] : Enumerate(new FeelNumber(first), new FeelNumber(last), run);
    }
}
