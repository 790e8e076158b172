namespace PublicServicesBpm.Engine.Tests.Feel.Differential;

/// <summary>
/// Where @bpmn-io/feelin departs from the FEEL specification, this implementation follows the
/// specification. Each entry holds our (specification) result and the library's, both in
/// canonical form, and is listed in docs/engine/feel.md (a test checks that).
/// </summary>
internal static class KnownDifferences
{
    public static IReadOnlyDictionary<string, KnownDifference> All { get; } = new Dictionary<string, KnownDifference>(StringComparer.Ordinal)
    {
        ["0.1 + 0.2"] = new("{\"number\":\"0.3\"}", "{\"number\":\"0.30000000000000004\"}", Reason.BinaryFloatingPoint),
        ["0.1 + 0.2 = 0.3"] = new("true", "false", Reason.BinaryFloatingPoint),
        ["0.7 * 3"] = new("{\"number\":\"2.1\"}", "{\"number\":\"2.0999999999999996\"}", Reason.BinaryFloatingPoint),
        ["0.3 - 0.1"] = new("{\"number\":\"0.2\"}", "{\"number\":\"0.19999999999999998\"}", Reason.BinaryFloatingPoint),
        ["1.1 * 3"] = new("{\"number\":\"3.3\"}", "{\"number\":\"3.3000000000000003\"}", Reason.BinaryFloatingPoint),
        ["1 / 3"] = new("{\"number\":\"0.3333333333333333333333333333\"}", "{\"number\":\"0.3333333333333333\"}", Reason.BinaryFloatingPoint),
        ["2 / 3"] = new("{\"number\":\"0.6666666666666666666666666667\"}", "{\"number\":\"0.6666666666666666\"}", Reason.BinaryFloatingPoint),
        ["1 < \"2\""] = new("null", "true", Reason.MixedTypeComparison),
        ["true < false"] = new("null", "{\"error\":true}", Reason.BooleanOrdering),
        ["substring(\"abc\", 0)"] = new("null", "\"c\"", Reason.SubstringStartZero),
        ["if 1 then 1 else 2"] = new("{\"number\":\"2\"}", "{\"number\":\"1\"}", Reason.TruthyCondition),
        ["null in [1..5]"] = new("null", "false", Reason.NullInRange),
        ["1 instance of number"] = new("true", "false", Reason.InstanceOfNumber),
        ["date(2023, 2, 29)"] = new("null", "{\"date\":\"2023-03-01\"}", Reason.InvalidDateRollsOver),
        ["years and months duration(date(\"2020-01-15\"), date(\"2024-03-10\"))"] = new("{\"ymDuration\":\"P4Y1M\"}", "{\"ymDuration\":\"P4Y1.8275862068965552M\"}", Reason.FractionalMonths),
        ["today()"] = new("{\"date\":\"2026-11-27\"}", "{\"dateTime\":\"2026-11-27T00:00:00\"}", Reason.TodayIsDateTime),
        ["today() = date(\"2026-11-27\")"] = new("true", "false", Reason.TodayIsDateTime),
        ["duration(\"P1Y2D\")"] = new("null", "{\"duration\":\"P1Y2D\"}", Reason.MixedDuration),
        ["duration(\"P1D\") * 2"] = new("{\"dtDuration\":\"P2D\"}", "null", Reason.DurationArithmetic),
        ["duration(\"P1D\") / 2"] = new("{\"dtDuration\":\"PT12H\"}", "null", Reason.DurationArithmetic),
        ["duration(\"P1Y\") * 2"] = new("{\"ymDuration\":\"P2Y\"}", "null", Reason.DurationArithmetic),
        ["-duration(\"P1D\")"] = new("{\"dtDuration\":\"-P1D\"}", "null", Reason.DurationArithmetic),
        ["\"\" > -0.75"] = new("null", "true", Reason.MixedTypeComparison),
        ["true <= 1"] = new("null", "true", Reason.MixedTypeComparison),
        ["true >= 7"] = new("null", "false", Reason.MixedTypeComparison),
        ["0.125 <= \"b\""] = new("null", "false", Reason.MixedTypeComparison),
        ["\"a\" > -1"] = new("null", "false", Reason.MixedTypeComparison),
        ["false > x"] = new("null", "false", Reason.MixedTypeComparison),
        ["1 < \"b\""] = new("null", "false", Reason.MixedTypeComparison),
        ["0.125 < \"a\""] = new("null", "false", Reason.MixedTypeComparison),
        ["true >= 2"] = new("null", "false", Reason.MixedTypeComparison),
        ["\"a\" >= 1"] = new("null", "false", Reason.MixedTypeComparison),
        ["true < -0.75"] = new("null", "false", Reason.MixedTypeComparison),
        ["0 > \"b\""] = new("null", "false", Reason.MixedTypeComparison),
        ["\"\" in [12..0.125)"] = new("null", "false", Reason.RangeTypeMismatch),
        ["1 in [12..0.125)"] = new("false", "true", Reason.ReversedRange),
        ["0.125 in (2..-1)"] = new("false", "true", Reason.ReversedRange),
        ["\"a\" in [0.125..1]"] = new("null", "false", Reason.RangeTypeMismatch),
        ["missing in (0..12)"] = new("null", "false", Reason.RangeTypeMismatch),
        ["true in [2..12)"] = new("null", "false", Reason.RangeTypeMismatch),
        ["false in (2..0.125]"] = new("null", "false", Reason.RangeTypeMismatch),
        ["\"b\" in (2.5..-0.75)"] = new("null", "false", Reason.RangeTypeMismatch),
        ["number(\" 12 \")"] = new("null", "{\"number\":\"12\"}", Reason.NumberGrammar),
        ["round half up(1.005, 2)"] = new("{\"number\":\"1.01\"}", "{\"number\":\"1\"}", Reason.BinaryFloatingPoint),
        ["is(1, \"1\")"] = new("false", "null", Reason.IsAlwaysBoolean),
        ["min([\"b\", \"a\"])"] = new("\"a\"", "null", Reason.MinMaxOfComparables),
        ["max([date(\"2024-01-01\"), date(\"2024-02-01\")])"] = new("{\"date\":\"2024-02-01\"}", "null", Reason.MinMaxOfComparables),
        ["sum([0.1, 0.2])"] = new("{\"number\":\"0.3\"}", "{\"number\":\"0.30000000000000004\"}", Reason.BinaryFloatingPoint),
        ["list contains([[1]], [1])"] = new("true", "false", Reason.DeepEquality),
        ["date(\"2024-01-15\") = date and time(\"2024-01-15T00:00:00\")"] = new("null", "false", Reason.MixedTypeComparison),
        ["duration(\"PT90M\").minutes"] = new("{\"number\":\"30\"}", "{\"number\":\"90\"}", Reason.DurationComponents),
        ["duration(\"P1D\") < duration(\"P1M\")"] = new("null", "true", Reason.DurationKinds),
        ["years and months duration(date(\"2024-01-31\"), date(\"2024-02-29\"))"] = new("{\"ymDuration\":\"P0M\"}", "{\"ymDuration\":\"P1M\"}", Reason.FractionalMonths),
        ["sublist([1, 2, 3], 4)"] = new("null", "[]", Reason.SublistOutOfRange),
        ["count(for i in 1..0 return i)"] = new("{\"number\":\"2\"}", "null", Reason.DescendingIteration),
        ["amount > \"5\""] = new("null", "true", Reason.MixedTypeComparison),
        ["attachments[size > 1000000] = []"] = new("false", "null", Reason.ListLengthEquality),
        ["before(1, null)"] = new("null", "false", Reason.RangeFunctionUnknown),
        ["includes([1..10], \"a\")"] = new("null", "false", Reason.RangeFunctionUnknown),
        ["coincides(1, 1)"] = new("true", "null", Reason.RangeFunctionMissing),
        ["coincides([1..5], [1..5])"] = new("true", "null", Reason.RangeFunctionMissing),
        ["during(5, [1..10])"] = new("true", "null", Reason.RangeFunctionMissing),
        ["finished by([1..10], 10)"] = new("true", "null", Reason.RangeFunctionMissing),
        ["finishes(10, [1..10])"] = new("true", "null", Reason.RangeFunctionMissing),
        ["overlaps after([3..8], [1..5])"] = new("true", "null", Reason.RangeFunctionMissing),
        ["overlaps before([1..5], [3..8])"] = new("true", "null", Reason.RangeFunctionMissing),
        ["started by([1..10], 1)"] = new("true", "null", Reason.RangeFunctionMissing),
        ["starts(1, [1..10])"] = new("true", "null", Reason.RangeFunctionMissing),
        ["stddev([2, 4, 7, 5])"] = new("{\"number\":\"2.081665999466132735282297707\"}", "{\"number\":\"2.0816659994661326\"}", Reason.BinaryFloatingPoint),
    };

    /// <summary>Why the results differ, one sentence per kind of departure.</summary>
    public static class Reason
    {
        public const string BinaryFloatingPoint = "feelin computes in binary floating point; FEEL numbers are decimal";

        public const string MixedTypeComparison = "feelin compares values of different types with JavaScript coercion; FEEL gives null";

        public const string BooleanOrdering = "feelin throws on ordering booleans; FEEL gives null";

        public const string SubstringStartZero = "start position 0 names no character; feelin wraps around to the end";

        public const string TruthyCondition = "feelin treats a non-boolean condition as truthy; FEEL takes the else branch";

        public const string NullInRange = "null compared with a range is unknown in FEEL (null); feelin answers false";

        public const string InstanceOfNumber = "feelin does not recognise the type name number in instance of";

        public const string InvalidDateRollsOver = "feelin rolls an invalid date over to the next month; FEEL gives null";

        public const string FractionalMonths = "FEEL counts the whole months completed; feelin uses luxon's calendar difference, which can be fractional or round up";

        public const string TodayIsDateTime = "feelin returns today() as a date-time at midnight; FEEL returns a date";

        public const string MixedDuration = "FEEL has no duration mixing years/months with days/time; feelin accepts it";

        public const string DurationArithmetic = "feelin does not implement multiplying, dividing or negating durations";

        public const string ReversedRange = "feelin reverses a range whose start is after its end; in FEEL such a range is empty";

        public const string RangeTypeMismatch = "FEEL gives null for a value not comparable with the range end points; feelin answers false";

        public const string NumberGrammar = "FEEL's number() accepts only the number grammar; feelin converts with JavaScript, which trims white space";

        public const string IsAlwaysBoolean = "is() answers true or false in FEEL; feelin gives null for values of different types";

        public const string MinMaxOfComparables = "FEEL's min() and max() order any comparable values (strings, dates); feelin accepts only numbers";

        public const string DeepEquality = "list contains uses FEEL equality, which compares lists by content; feelin compares them by reference";

        public const string DurationComponents = "duration properties are components of the normalized duration in FEEL (PT90M is 1 hour 30 minutes); feelin returns the amount as written";

        public const string DurationKinds = "a days-time and a years-months duration cannot be compared in FEEL (null); feelin compares them";

        public const string SublistOutOfRange = "a start position past the end is an error (null) in FEEL; feelin returns an empty list";

        public const string DescendingIteration = "for i in 1..0 counts down in FEEL; feelin gives null";

        public const string ListLengthEquality = "lists of different lengths are unequal in FEEL (false); feelin gives null";

        public const string RangeFunctionUnknown = "a range function with a null or incomparable argument answers null in FEEL; feelin answers false";

        public const string RangeFunctionMissing = "feelin 6.1.1 does not implement this range function and returns null";
    }
}

/// <summary>The result the specification requires, the library's result, and why they differ.</summary>
internal sealed record KnownDifference(string SpecResult, string LibraryResult, string Reason);
