namespace PublicServicesBpm.Engine.Tests.Feel.Differential;

/// <summary>Expressions chosen by hand to cover each area of the supported subset.</summary>
internal static class HandWrittenCases
{
    private const string Applicant = """{"age": 34, "name": "Nguyễn Văn An", "income": 1250.5, "tags": ["a", "b"], "address": {"city": "Hà Nội", "ward": null}, "documents": [{"kind": "id", "pages": 2}, {"kind": "photo", "pages": 1}, {"kind": "form", "pages": 5}], "submitted": "2024-03-15", "empty": []}""";

    public static IEnumerable<DifferentialCase> All() =>
        Nulls().Concat(Numbers()).Concat(Strings()).Concat(Lists()).Concat(Contexts()).Concat(Logic())
            .Concat(Ranges()).Concat(Textual()).Concat(Dates()).Concat(Times()).Concat(Durations())
            .Concat(Conversions()).Concat(Combinations()).Concat(FormConditions()).Concat(RangeFunctions());

    private static IEnumerable<DifferentialCase> Plain(params string[] expressions) => expressions.Select(e => new DifferentialCase(e));

    private static IEnumerable<DifferentialCase> WithApplicant(params string[] expressions) => expressions.Select(e => new DifferentialCase(e, Applicant));

    private static IEnumerable<DifferentialCase> Nulls() => Plain(
        "null", "null = null", "null != null", "null + 1", "1 + null", "null * 2", "-null", "null < 1", "null = 1", "1 = null",
        "missing", "missing.field", "missing = null", "missing + 1", "null and true", "null and false", "null or true",
        "null or false", "not(null)", "if null then 1 else 2", "string length(null)", "count(null)", "upper case(null)")
        .Concat(WithApplicant("address.ward", "address.ward = null", "address.zip", "address.zip = null", "unknown.deep.path"));

    private static IEnumerable<DifferentialCase> Numbers() => Plain(
        "1", "-1", "1.5", "0.25", "1 + 2", "10 - 4.5", "3 * 4", "10 / 4", "7 / 2", "1 / 0", "0 / 5", "2 ** 3", "2 ** -1", "-2 * -3",
        "1 + 2 * 3", "(1 + 2) * 3", "0.1 + 0.2 = 0.3", "0.7 * 3", "10 - 2 - 3", "100 / 10 / 2", "0.1 + 0.2", "0.3 - 0.1", "1.1 * 3", "1 / 3", "2 / 3",
        "1 < 2", "2 <= 2", "3 > 4", "3 >= 3", "1 = 1.0", "1 != 2", "1 = \"1\"", "1 < \"2\"", "true < false",
        "decimal(1.125, 2)", "decimal(1.135, 2)", "floor(1.5)", "floor(-1.5)", "ceiling(1.2)", "ceiling(-1.2)", "abs(-3)", "abs(2.5)",
        "modulo(12, 5)", "modulo(-12, 5)", "modulo(12, -5)", "modulo(10, 0)", "round half up(2.5, 0)", "round half up(-2.5, 0)",
        "round half down(2.5, 0)", "round up(1.21, 1)", "round down(1.29, 1)", "floor(1.567, 2)", "ceiling(1.561, 2)",
        "odd(3)", "even(3)", "odd(4)", "number(\"12.5\")", "number(\"abc\")", "number(\"1,000.5\", \",\", \".\")",
        "string(12.5)", "string(-3)", "string(true)", "string(null)", "1 + \"a\"", "\"a\" + 1", "sqrt(16)", "exp(0)", "log(1)")
        .Concat(WithApplicant("age + 1", "age > 18", "income * 2", "age between 18 and 60", "age between 40 and 60"));

    private static IEnumerable<DifferentialCase> Strings() => Plain(
        "\"abc\"", "\"a\" + \"b\"", "\"\"", "string length(\"hello\")", "string length(\"\")", "upper case(\"abc\")", "lower case(\"ABC\")",
        "substring(\"foobar\", 3)", "substring(\"foobar\", 3, 3)", "substring(\"foobar\", -2, 1)", "substring(\"foobar\", 1, 0)",
        "contains(\"foobar\", \"ob\")", "contains(\"foobar\", \"x\")", "starts with(\"foobar\", \"fo\")", "ends with(\"foobar\", \"ar\")",
        "substring before(\"foobar\", \"bar\")", "substring after(\"foobar\", \"ob\")", "substring before(\"foobar\", \"x\")",
        "matches(\"foobar\", \"^fo*b\")", "matches(\"abc\", \"^[0-9]+$\")", "matches(\"ABC\", \"abc\", \"i\")",
        "replace(\"abcd\", \"(ab)|(a)\", \"[1=$1][2=$2]\")", "replace(\"banana\", \"a\", \"o\")",
        "split(\"a;b;c\", \";\")", "split(\"John Doe\", \"\\\\s\")", "string join([\"a\", \"b\", \"c\"], \", \")", "string join([\"a\", null, \"c\"], \"-\")",
        "string join([])", "string join([\"a\"])", "\"abc\" < \"abd\"", "\"b\" > \"a\"", "\"a\" = \"a\"", "\"a\" != \"b\"",
        "string(\"x\")", "\"line\\nbreak\"", "\"quote \\\" inside\"", "upper case(\"tiếng việt\")", "string length(\"Nguyễn\")",
        "substring(\"abc\", 0)", "substring(\"abc\", 10)", "contains(\"abc\", 1)")
        .Concat(WithApplicant("name", "string length(name)", "upper case(name)", "starts with(name, \"Nguyễn\")", "name + \" (\" + string(age) + \")\""));

    private static IEnumerable<DifferentialCase> Lists() => Plain(
        "[]", "[1, 2, 3]", "[1, \"a\", true, null]", "[[1, 2], [3]]", "count([1, 2, 3])", "count([])", "sum([1, 2, 3])", "sum([])",
        "sum(1, 2, 3)", "min([3, 1, 2])", "max([3, 1, 2])", "min(3, 1, 2)", "mean([1, 2, 3, 4])", "mean([])", "min([])",
        "list contains([1, 2, 3], 2)", "list contains([1, 2, 3], 5)", "list contains([1, null], null)", "append([1, 2], 3)",
        "append([1], 2, 3)", "concatenate([1, 2], [3], [])", "distinct values([1, 2, 1, 3, 2])", "flatten([1, [2, [3, 4]], 5])",
        "reverse([1, 2, 3])", "index of([1, 2, 1], 1)", "sublist([1, 2, 3, 4], 2)", "sublist([1, 2, 3, 4], 2, 2)", "sublist([1, 2, 3], -2, 1)",
        "all([true, true])", "all([true, false])", "all([])", "any([false, true])", "any([false, false])", "any([])",
        "all([true, null])", "any([false, null])", "sort([3, 1, 2])", "sort([3, 1, 2], function(x, y) x > y)",
        "insert before([1, 3], 2, 2)", "remove([1, 2, 3], 2)", "union([1, 2], [2, 3])", "product([2, 3, 4])", "median([3, 1, 2, 4])",
        "[1, 2, 3, 4][item > 2]", "[1, 2, 3][1]", "[1, 2, 3][-1]", "[1, 2, 3][0]", "[1, 2, 3][5]", "[1, 2, 3][item = 9]",
        "[{a: 1}, {a: 2}, {a: 3}][a > 1]", "[{a: 1}, {a: 2}].a", "[1, 2] = [1, 2]", "[1, 2] = [2, 1]", "[] = []",
        "for x in [1, 2, 3] return x * 2", "for x in [1, 2], y in [10, 20] return x + y", "for i in 1..3 return i",
        "for i in 3..1 return i", "some x in [1, 2, 3] satisfies x > 2", "every x in [1, 2, 3] satisfies x > 0",
        "every x in [1, 2, 3] satisfies x > 1", "some x in [] satisfies x > 0", "every x in [] satisfies x > 0", "count([1, 2, 3][item > 1])")
        .Concat(WithApplicant("count(documents)", "documents[kind = \"photo\"].pages", "sum(documents.pages)", "documents[pages > 1].kind",
            "tags[1]", "tags[-1]", "list contains(tags, \"b\")", "count(empty)", "documents[1].kind", "some d in documents satisfies d.pages > 4",
            "for d in documents return d.kind", "max(documents.pages)"));

    private static IEnumerable<DifferentialCase> Contexts() => Plain(
        "{}", "{a: 1}", "{a: 1, b: \"x\"}", "{a: 1}.a", "{a: {b: 2}}.a.b", "{\"first name\": \"An\"}", "{a: 1, b: a + 1}",
        "{a: 1} = {a: 1}", "{a: 1} = {a: 2}", "{a: 1}.b", "get value({a: 1}, \"a\")", "get entries({a: 1, b: 2})",
        "context put({a: 1}, \"b\", 2)", "context merge([{a: 1}, {b: 2}])", "{a: [1, 2]}.a[2]", "{f: function(x) x * 2}.f(4)")
        .Concat(WithApplicant("address", "address.city", "{name: name, adult: age >= 18}"));

    private static IEnumerable<DifferentialCase> Logic() => Plain(
        "true", "false", "true and true", "true and false", "false and null", "true or false", "false or false", "not(true)", "not(false)",
        "not(1)", "1 and true", "\"a\" or false", "true = true", "true != false", "if true then \"y\" else \"n\"", "if false then 1 else 2",
        "if 1 then 1 else 2", "if 1 > 2 then \"a\" else if 2 > 1 then \"b\" else \"c\"")
        .Concat(WithApplicant("age >= 18 and income > 1000", "age < 18 or contains(name, \"An\")", "not(age > 60)"));

    private static IEnumerable<DifferentialCase> Ranges() => Plain(
        "3 in [1..5]", "5 in [1..5)", "1 in (1..5]", "0 in [1..5]", "5 in [1..5]", "2 in [1, 2, 3]", "4 in [1, 2, 3]",
        "3 in (1, 2, 3)", "3 in < 5", "7 in > 5", "5 in <= 5", "5 in >= 6", "\"b\" in [\"a\"..\"c\"]", "2.5 in [1..3]",
        "null in [1..5]", "3 in 3", "3 in (< 2, > 4)", "[1..5]", "(1..5]", "[1..5].start", "[1..5).end included")
        .Concat(WithApplicant("age in [18..60]", "age in (34..40]", "name in [\"An\", \"Bình\"]"));

    private static IEnumerable<DifferentialCase> Textual() => Plain(
        "(function(x, y) x + y)(1, 2)", "string length(string: \"abc\")", "substring(string: \"foobar\", start position: 3)",
        "1 instance of number", "\"a\" instance of number", "for x in [1, 2, 3] return if x > 1 then x else 0",
        "{a: 1, b: 2}.b * 10", "// comment\n1 + 1", "/* block */ 2");

    private static IEnumerable<DifferentialCase> Dates() => Plain(
        "date(\"2024-01-15\")", "date(2024, 2, 29)", "date(2023, 2, 29)", "date(\"2024-13-01\")", "date(\"not a date\")",
        "date(\"2024-01-15\") = date(\"2024-01-15\")", "date(\"2024-01-15\") < date(\"2024-02-01\")", "date(\"2024-01-15\") > date(\"2024-02-01\")",
        "date(\"2024-03-01\") - date(\"2024-01-01\")", "date(\"2024-01-31\") + duration(\"P1M\")", "date(\"2024-01-15\") + duration(\"P10D\")",
        "date(\"2024-01-15\") - duration(\"P1Y\")", "date(\"2024-01-15\").year", "date(\"2024-01-15\").month", "date(\"2024-01-15\").day",
        "date(\"2024-01-15\").weekday", "day of week(date(\"2024-01-15\"))", "day of year(date(\"2024-02-01\"))", "month of year(date(\"2024-05-01\"))",
        "week of year(date(\"2024-01-15\"))", "string(date(\"2024-01-15\"))", "date(date and time(\"2024-01-15T10:30:00\"))",
        "date and time(\"2024-01-15T10:30:00\")", "date and time(\"2024-01-15T10:30:00Z\")", "date and time(\"2024-01-15T10:30:00+07:00\")",
        "date and time(\"2024-01-15T10:30:00\") < date and time(\"2024-01-15T11:00:00\")", "date and time(\"2024-01-15T10:30:00\") + duration(\"PT2H\")",
        "date and time(\"2024-01-15T10:30:00\") - date and time(\"2024-01-14T09:00:00\")", "date and time(\"2024-01-15T10:30:00\").hour",
        "date and time(date(\"2024-01-15\"), time(\"10:00:00\"))", "date and time(\"2024-01-31T08:00:00\") + duration(\"P1M\")",
        "date and time(\"2024-01-15T10:30:00Z\") = date and time(\"2024-01-15T17:30:00+07:00\")", "@\"2024-01-15\"",
        "years and months duration(date(\"2020-01-15\"), date(\"2024-03-10\"))", "date(\"2024-01-15\") in [date(\"2024-01-01\")..date(\"2024-12-31\")]",
        "now()", "today()", "date(now())", "now() > date and time(\"2020-01-01T00:00:00\")", "today() = date(\"2026-11-27\")")
        .Concat(WithApplicant("date(submitted)", "date(submitted) + duration(\"P15D\")", "date(submitted) < date(\"2024-04-01\")", "date(submitted).month"));

    private static IEnumerable<DifferentialCase> Times() => Plain(
        "time(\"10:30:00\")", "time(\"10:30:00Z\")", "time(\"10:30:00+07:00\")", "time(\"25:00:00\")", "time(10, 30, 0)",
        "time(\"10:30:00\") < time(\"11:00:00\")", "time(\"10:30:00\") + duration(\"PT45M\")", "time(\"23:30:00\") + duration(\"PT1H\")",
        "time(\"10:30:00\") - time(\"09:00:00\")", "time(\"10:30:00\").minute", "string(time(\"10:30:00\"))", "@\"10:30:00\"",
        "time(date and time(\"2024-01-15T10:30:00\"))", "time(\"10:30:15.5\")");

    private static IEnumerable<DifferentialCase> Durations() => Plain(
        "duration(\"P1D\")", "duration(\"PT36H\")", "duration(\"P1DT2H30M\")", "duration(\"PT90M\")", "duration(\"P1Y2M\")", "duration(\"P14M\")",
        "duration(\"-P1D\")", "duration(\"PT0S\")", "duration(\"P1W\")", "duration(\"x\")", "duration(\"P1Y2D\")",
        "duration(\"P1D\") + duration(\"PT12H\")", "duration(\"P1D\") - duration(\"PT12H\")", "duration(\"P1D\") * 2", "duration(\"P1D\") / 2",
        "duration(\"P1Y\") + duration(\"P6M\")", "duration(\"P1Y\") * 2", "duration(\"P1D\") > duration(\"PT23H\")", "duration(\"P1D\") = duration(\"PT24H\")",
        "duration(\"P1Y\") = duration(\"P12M\")", "duration(\"P1DT2H\").days", "duration(\"P1DT2H\").hours", "duration(\"P1Y2M\").years",
        "duration(\"P1Y2M\").months", "string(duration(\"P1DT2H\"))", "string(duration(\"P1Y2M\"))", "@\"P2D\"", "@\"P1Y\"",
        "duration(\"P1D\") in [duration(\"PT1H\")..duration(\"P2D\")]", "-duration(\"P1D\")");

    private static IEnumerable<DifferentialCase> Conversions() => Plain(
        "string(1.5)", "string([1, 2])", "string({a: 1})", "string(date(\"2024-01-15\"))", "string(duration(\"PT36H\"))",
        "string(date and time(\"2024-01-15T10:30:00\"))", "string(time(\"10:30:00.5\"))", "string([\"a\", null])",
        "number(\"1e3\")", "number(\" 12 \")", "number(\"-0.5\")", "number(5)", "decimal(2.5, 0)", "decimal(3.5, 0)",
        "round half up(1.005, 2)", "ceiling(-0.5)", "abs(\"a\")", "upper case(\"straße\")", "lower case(\"ÀÉ\")",
        "is(1, 1)", "is(1, \"1\")", "not(true) = false", "get entries({})", "context merge([])");

    private static IEnumerable<DifferentialCase> Combinations() => Plain(
        "- -1", "[1, 2, 3][item > 1][1]", "[[1, 2], [3, 4]][1][2]", "{a: {b: [1, 2]}}.a.b[2]", "[{a: 1}, {a: null}][a = null]",
        "count([1, 2, 3]) > 2 and sum([1, 2]) = 3", "for x in [[1, 2], [3]] return count(x)", "some x in [1, 2], y in [2, 3] satisfies x = y",
        "every x in [1, 2], y in [3, 4] satisfies x < y", "contains(string: \"abc\", match: \"b\")", "string join([\"a\", \"b\"])",
        "split(\"a,b,,c\", \",\")", "matches(\"abc123\", \"[a-z]+\\\\d+\")", "min([\"b\", \"a\"])",
        "max([date(\"2024-01-01\"), date(\"2024-02-01\")])", "sum([0.1, 0.2])", "mean([1, 2])", "index of([\"a\", \"b\", \"a\"], \"a\")",
        "list contains([[1]], [1])", "distinct values([[1], [1]])", "flatten([])", "append([], [1])", "reverse([])",
        "date(\"2024-01-15\") = date and time(\"2024-01-15T00:00:00\")", "date and time(\"2024-01-15T10:30:45\").second",
        "date and time(\"2024-01-15T10:30:00\").weekday", "time(\"10:30:00\").hour", "duration(\"PT90M\").minutes",
        "date(\"2024-02-29\") + duration(\"P1Y\")", "date and time(\"2024-03-31T10:00:00\") - duration(\"P1M\")",
        "time(\"10:00:00\") - duration(\"PT30M\")", "duration(\"P2D\") - duration(\"P1D\")", "duration(\"P1M\") - duration(\"P1Y\")",
        "duration(\"P1D\") < duration(\"P1M\")", "years and months duration(date(\"2024-01-31\"), date(\"2024-02-29\"))",
        "years and months duration(date(\"2024-01-15\"), date(\"2025-01-15\"))", "@\"2024-01-15T10:30:00\"", "@\"P1Y2M\"",
        "date(\"2024-01-15\") in (date(\"2024-01-15\")..date(\"2024-02-01\"))", "[1, 2, 3][item > 1 and item < 3]",
        "{a: 1, b: {c: a + 1}}.b.c", "if [1] = [1] then \"same\" else \"different\"", "\"a\" in [\"a\", \"b\"]",
        "string length(\"\") = 0", "sublist([1, 2, 3], 4)", "count(for i in 1..0 return i)", "for i in [] return i",
        "[1, 2, 3] = [1, 2]", "{a: 1, b: 2} = {b: 2, a: 1}", "date(\"2024-01-15\") != date(\"2024-01-16\")", "null in [1, null]");

    // The shapes form-js "hide if" and validation conditions take, on a typical submission.
    private static IEnumerable<DifferentialCase> FormConditions() => new[]
    {
        "agree = true", "not(agree)", "agree", "kind = \"company\" or kind = \"cooperative\"", "kind != \"person\"",
        "count(attachments) > 0", "count(attachments) = 0", "string length(taxCode) = 10", "string length(missing) > 0",
        "matches(taxCode, \"^[0-9]{10}$\")", "matches(phone, \"^0[0-9]{9}$\")", "amount >= 1000000", "amount > \"5\"",
        "missing = \"x\"", "missing != \"x\"", "is empty = true", "date(birthDate) <= today() - duration(\"P18Y\")",
        "years and months duration(date(birthDate), today()).years >= 18", "list contains(roles, \"officer\")",
        "some r in roles satisfies r = \"admin\"", "attachments[size > 1000000] = []", "sum(attachments.size) < 5000000",
        "if kind = \"company\" then taxCode else null", "upper case(substring(kind, 1, 1)) + substring(kind, 2)",
    }.Select(e => new DifferentialCase(e, Submission));

    private const string Submission = """{"agree": false, "kind": "company", "attachments": [{"name": "a.pdf", "size": 120000}, {"name": "b.png", "size": 2400000}], "taxCode": "0101234567", "phone": "0912345678", "amount": 2500000, "is empty": true, "birthDate": "2000-05-20", "roles": ["clerk", "officer"]}""";

    private static IEnumerable<DifferentialCase> RangeFunctions() => Plain(
        "before(1, 10)", "before(10, 1)", "before([1..5], 10)", "before([1..5], 5)", "before([1..5), 5)", "before(1, [2..5])",
        "before([1..5], [6..8])", "before([1..5), [5..8])", "after(10, [1..5])", "after([6..8], [1..5])", "after(5, (5..8])",
        "meets([1..5], [5..10])", "meets([1..5), [5..10])", "met by([5..10], [1..5])", "overlaps([1..5], [3..8])",
        "overlaps([1..3], [5..8])", "overlaps([1..5], [5..8])", "overlaps([1..5), [5..8])", "includes([1..10], 5)",
        "includes([1..10], [4..6])", "includes([1..10), 10)", "includes([1..10], 11)", "before(1, null)", "includes([1..10], \"a\")",
        "overlaps before([1..5], [3..8])", "overlaps after([3..8], [1..5])", "during(5, [1..10])", "starts(1, [1..10])",
        "started by([1..10], 1)", "finishes(10, [1..10])", "finished by([1..10], 10)", "coincides(1, 1)", "coincides([1..5], [1..5])",
        "stddev([2, 4, 7, 5])", "stddev([1])", "mode([6, 3, 9, 6, 6])", "mode([6, 1, 9, 6, 1])", "mode([])",
        "list replace([1, 2, 3], 2, 9)", "list replace([1, 2, 3], function(item, newItem) item > 1, 0)",
        "context([{key: \"a\", value: 1}, {key: \"b\", value: 2}])");
}
