using PublicServicesBpm.Engine.Feel.Evaluation;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

// The specification's range functions (DMN 10.3.4.x). Each takes points or ranges; a point is
// read as the degenerate range [p..p] so one formula serves both. Comparisons are three-valued:
// a null or an incomparable end point makes the answer null unless the rest decides it.
internal static partial class BuiltinLibrary
{
    private static void AddRanges(Define add)
    {
        add("before", ["a", "b"], i => RangePair(i, (a, b) => Or(Lt(a.End, b.Start), And(Eq(a.End, b.Start), !a.EndIncluded || !b.StartIncluded))));
        add("after", ["a", "b"], i => RangePair(i, (a, b) => Or(Lt(b.End, a.Start), And(Eq(b.End, a.Start), !b.EndIncluded || !a.StartIncluded))));
        add("meets", ["range1", "range2"], i => RangesOnly(i, (a, b) => And(Eq(a.End, b.Start), a.EndIncluded && b.StartIncluded)));
        add("met by", ["range1", "range2"], i => RangesOnly(i, (a, b) => And(Eq(b.End, a.Start), b.EndIncluded && a.StartIncluded)));
        add("overlaps", ["range1", "range2"], i => RangesOnly(i, (a, b) => And(
            Or(Gt(a.End, b.Start), And(Eq(a.End, b.Start), a.EndIncluded && b.StartIncluded)),
            Or(Lt(a.Start, b.End), And(Eq(a.Start, b.End), a.StartIncluded && b.EndIncluded)))));
        add("overlaps before", ["range1", "range2"], i => RangesOnly(i, OverlapsBefore));
        add("overlaps after", ["range1", "range2"], i => RangesOnly(i, (a, b) => OverlapsBefore(b, a)));
        add("includes", ["range", "value"], i => RangePair(i, Includes));
        add("during", ["value", "range"], i => RangePair(i, (a, b) => Includes(b, a)));
        add("starts", ["value", "range"], i => RangePair(i, Starts));
        add("started by", ["range", "value"], i => RangePair(i, (a, b) => Starts(b, a)));
        add("finishes", ["value", "range"], i => RangePair(i, Finishes));
        add("finished by", ["range", "value"], i => RangePair(i, (a, b) => Finishes(b, a)));
        add("coincides", ["value1", "value2"], i => RangePair(i, (a, b) => And(
            And(Eq(a.Start, b.Start), a.StartIncluded == b.StartIncluded),
            And(Eq(a.End, b.End), a.EndIncluded == b.EndIncluded))));
    }

    private static bool? OverlapsBefore(FeelRange a, FeelRange b) => And(
        And(
            Or(Lt(a.Start, b.Start), And(Eq(a.Start, b.Start), a.StartIncluded && !b.StartIncluded)),
            Or(Gt(a.End, b.Start), And(Eq(a.End, b.Start), a.EndIncluded && b.StartIncluded))),
        Or(Lt(a.End, b.End), And(Eq(a.End, b.End), !a.EndIncluded || b.EndIncluded)));

    private static bool? Includes(FeelRange outer, FeelRange inner) => And(
        Or(Lt(outer.Start, inner.Start), And(Eq(outer.Start, inner.Start), outer.StartIncluded || !inner.StartIncluded)),
        Or(Gt(outer.End, inner.End), And(Eq(outer.End, inner.End), outer.EndIncluded || !inner.EndIncluded)));

    private static bool? Starts(FeelRange a, FeelRange b) => And(
        And(Eq(a.Start, b.Start), a.StartIncluded == b.StartIncluded),
        Or(Lt(a.End, b.End), And(Eq(a.End, b.End), !a.EndIncluded || b.EndIncluded)));

    private static bool? Finishes(FeelRange a, FeelRange b) => And(
        And(Eq(a.End, b.End), a.EndIncluded == b.EndIncluded),
        Or(Gt(a.Start, b.Start), And(Eq(a.Start, b.Start), !a.StartIncluded || b.StartIncluded)));

    private static FeelValue RangePair(Invocation i, Func<FeelRange, FeelRange, bool?> test) =>
        AsRange(i[0]) is { } a && AsRange(i[1]) is { } b && test(a, b) is { } result ? Bool(result) : Null;

    private static FeelValue RangesOnly(Invocation i, Func<FeelRange, FeelRange, bool?> test) =>
        i[0] is FeelRange && i[1] is FeelRange ? RangePair(i, test) : Null;

    private static FeelRange? AsRange(FeelValue value) => value switch
    {
        FeelRange range => range,
        { IsNull: true } => null,
        _ => new FeelRange(value, true, value, true),
    };

    private static bool? Lt(FeelValue a, FeelValue b) => FeelComparer.Compare(a, b) is { } order ? order < 0 : null;

    private static bool? Gt(FeelValue a, FeelValue b) => FeelComparer.Compare(a, b) is { } order ? order > 0 : null;

    private static bool? Eq(FeelValue a, FeelValue b) => FeelComparer.Compare(a, b) is { } order ? order == 0 : null;

    // C#'s lifted & and | on bool? are exactly FEEL's three-valued and/or.
    private static bool? And(bool? a, bool? b) => a & b;

    private static bool? Or(bool? a, bool? b) => a | b;
}
