using System.Globalization;
using System.Text.RegularExpressions;

namespace PublicServicesBpm.Forms;

/// <summary>
/// Datetime fields: the value must have the shape the browser writes for the subtype and serializing
/// format (date <c>2025-07-01</c>; time <c>14:30</c>, <c>14:30+07:00</c> or <c>14:30Z</c>; datetime the two joined
/// by <c>T</c>), then <c>disallowPassedDates</c>, <c>properties.minDate</c> / <c>maxDate</c>, and required.
/// </summary>
internal static partial class DateTimeRules
{
    public static void Check(FieldCheck check)
    {
        var value = check.Value;
        if (value is not null && FormJson.AsString(value) is null)
        {
            check.WrongType(ValueTypes.Text);
            return;
        }

        var text = FormJson.AsString(value) ?? string.Empty;
        if (text.Length > 0)
        {
            var component = check.Component;
            var (suffix, shape) = component.TimeSerializingFormat switch
            {
                "utc_offset" => (@"[+-]\d{2}:\d{2}", "HH:mm±hh:mm"),
                "utc_normalized" => ("Z", "HH:mmZ"),
                _ => (string.Empty, "HH:mm"),
            };
            DateOnly? day = component.Subtype switch
            {
                "time" => IsTime(text, suffix) ? null : Fail(check, FieldErrorCodes.InvalidTime, shape),
                "datetime" => text.Split('T') is [var date, var time] && ParseDate(date) is { } d && IsTime(time, suffix) ? d : Fail(check, FieldErrorCodes.InvalidDateTime, "YYYY-MM-DDT" + shape),
                _ => ParseDate(text) ?? Fail(check, FieldErrorCodes.InvalidDate),
            };
            if (day is null && component.Subtype != "time")
            {
                return;
            }

            if (day is { } chosen)
            {
                CheckRange(check, chosen);
            }
        }

        FieldRules.Required(check);
    }

    private static void CheckRange(FieldCheck check, DateOnly day)
    {
        if (check.Component.DisallowPassedDates && day < check.Today)
        {
            check.Fail(FieldErrorCodes.DateInPast);
        }

        if (check.Date(check.Component.MinDate) is { } min && day < min)
        {
            check.Fail(FieldErrorCodes.DateBeforeMin, min.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (check.Date(check.Component.MaxDate) is { } max && day > max)
        {
            check.Fail(FieldErrorCodes.DateAfterMax, max.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static DateOnly? Fail(FieldCheck check, string code, params object?[] arguments)
    {
        check.Fail(code, arguments);
        return null;
    }

    private static DateOnly? ParseDate(string text) =>
        DateShape().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool IsTime(string text, string suffix)
    {
        var match = Regex.Match(text, $"^([01][0-9]|2[0-3]):([0-5][0-9]){suffix}$", RegexOptions.CultureInvariant, PatternCompiler.MatchTimeout);
        return match.Success;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();
}
