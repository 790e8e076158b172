namespace PublicServicesBpm.Engine.Tests.Feel.Differential;

/// <summary>
/// Seeded random expressions combining operators and operands. Number operands are sums of
/// powers of two, exact in both decimal and binary floating point, so an honest disagreement is
/// a real difference and not a rounding artefact.
/// </summary>
internal static class GeneratedCases
{
    private const int Seed = 20261127;

    private static readonly string[] Numbers = ["0", "1", "-1", "2", "2.5", "-0.75", "7", "12", "0.125"];
    private static readonly string[] Scalars = ["null", "true", "false", "\"a\"", "\"b\"", "\"\"", "x", "missing"];
    private static readonly string[] Arithmetic = ["+", "-", "*"];
    private static readonly string[] Comparisons = ["=", "!=", "<", "<=", ">", ">="];
    private static readonly string[] Booleans = ["true", "false", "null", "x > 1", "s = \"b\"", "missing"];
    private static readonly string[] Strings = ["\"\"", "\"a\"", "\"abc\"", "\"Hà Nội\"", "s", "null"];
    private static readonly string[] Dates = ["date(\"2024-01-31\")", "date(\"2024-02-29\")", "date(\"2023-12-01\")", "date(\"2025-06-15\")"];
    private static readonly string[] DayDurations = ["duration(\"P1D\")", "duration(\"PT12H\")", "duration(\"P10D\")", "duration(\"-P2D\")", "duration(\"PT90M\")"];
    private static readonly string[] MonthDurations = ["duration(\"P1M\")", "duration(\"P1Y\")", "duration(\"P13M\")", "duration(\"-P2M\")"];

    private const string Variables = """{"x": 2, "s": "b", "list": [3, 1, 4, 1, 5], "people": [{"n": "a", "age": 30}, {"n": "b", "age": 12}]}""";

    public static IEnumerable<DifferentialCase> All()
    {
        var random = new Random(Seed);
        string Pick(string[] from) => from[random.Next(from.Length)];
        string Operand() => random.Next(4) == 0 ? Pick(Scalars) : Pick(Numbers);
        DifferentialCase Case(string expression) => new(expression, Variables);

        for (var i = 0; i < 60; i++)
        {
            yield return Case($"{Operand()} {Pick(Arithmetic)} {Operand()}");
        }

        for (var i = 0; i < 50; i++)
        {
            yield return Case($"{Operand()} {Pick(Comparisons)} {Operand()}");
        }

        for (var i = 0; i < 30; i++)
        {
            var op = random.Next(2) == 0 ? "and" : "or";
            yield return Case($"{Pick(Booleans)} {op} {Pick(Booleans)}");
        }

        for (var i = 0; i < 30; i++)
        {
            var low = Pick(Numbers);
            var high = Pick(Numbers);
            var open = random.Next(2) == 0 ? "[" : "(";
            var close = random.Next(2) == 0 ? "]" : ")";
            yield return Case($"{Operand()} in {open}{low}..{high}{close}");
        }

        for (var i = 0; i < 25; i++)
        {
            var function = Pick(["string length", "upper case", "lower case", "contains", "starts with", "ends with", "substring"]);
            var arguments = function switch
            {
                "contains" or "starts with" or "ends with" => $"{Pick(Strings)}, {Pick(Strings)}",
                "substring" => $"{Pick(Strings)}, {Pick(["1", "2", "-1"])}",
                _ => Pick(Strings),
            };
            yield return Case($"{function}({arguments})");
        }

        for (var i = 0; i < 30; i++)
        {
            var list = "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pick(Numbers))) + "]";
            yield return Case(random.Next(5) switch
            {
                0 => $"{Pick(["count", "sum", "min", "max"])}({list})",
                1 => $"{list}[item {Pick(Comparisons)} {Pick(Numbers)}]",
                2 => $"{list}[{Pick(["1", "2", "-1", "3"])}]",
                3 => $"list contains({list}, {Pick(Numbers)})",
                _ => $"for v in {list} return v {Pick(Arithmetic)} {Pick(Numbers)}",
            });
        }

        for (var i = 0; i < 30; i++)
        {
            yield return Case(random.Next(4) switch
            {
                0 => $"{Pick(Dates)} {Pick(Comparisons)} {Pick(Dates)}",
                1 => $"{Pick(Dates)} + {Pick(MonthDurations)}",
                2 => $"{Pick(Dates)} - {Pick(Dates)}",
                _ => $"{Pick(DayDurations)} {Pick(["+", "-"])} {Pick(DayDurations)}",
            });
        }

        for (var i = 0; i < 10; i++)
        {
            yield return Case($"people[age {Pick(Comparisons)} {Pick(["12", "20", "30"])}].n");
        }
    }
}
