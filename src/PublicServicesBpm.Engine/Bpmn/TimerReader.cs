using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Reads a <c>timerEventDefinition</c>. Literal values are checked now so a typo fails at deployment
/// rather than when the timer would be scheduled; FEEL values (leading '=') are checked only for presence.
/// </summary>
internal static partial class TimerReader
{
    private static readonly (string Element, TimerKind Kind)[] Forms =
    [
        ("timeDuration", TimerKind.Duration),
        ("timeDate", TimerKind.Date),
        ("timeCycle", TimerKind.Cycle),
    ];

    public static TimerTrigger? Read(XElement definition, string id, string type, TimeBasis calendar, ProblemList problems)
    {
        var present = Forms
            .Select(f => (f.Kind, Element: definition.Element(BpmnNames.Bpmn(f.Element))))
            .Where(f => f.Element is not null)
            .ToList();
        if (present.Count != 1)
        {
            problems.Error(BpmnRules.Timer, id, type,
                $"A timer needs exactly one of timeDuration, timeDate or timeCycle; found {present.Count}.");
            return null;
        }

        var (kind, element) = present[0];
        var text = element!.Value.Trim();
        if (text.Length == 0)
        {
            problems.Error(BpmnRules.Timer, id, type, $"The {element.Name.LocalName} is empty.");
            return null;
        }

        if (!text.StartsWith('=') && Invalid(kind, text) is { } reason)
        {
            problems.Error(BpmnRules.Timer, id, type, $"The {element.Name.LocalName} '{text}' {reason}.");
            return null;
        }

        return new TimerTrigger(kind, text, calendar);
    }

    private static string? Invalid(TimerKind kind, string text) => kind switch
    {
        TimerKind.Duration when !IsoDuration.TryParse(text, out _) => "is not an ISO-8601 duration such as P3D or PT2H",
        TimerKind.Date when !IsDateTime(text) => "is not an ISO-8601 date-time with a UTC offset such as 2026-03-01T08:00:00+07:00",
        TimerKind.Cycle when !IsCycle(text) => "is not an ISO-8601 repeating interval such as R3/PT1H or R/2026-03-01T08:00:00+07:00/P1D (cron is not supported)",
        _ => null,
    };

    // A zone is required: a timer fires at one instant, whatever the server's time zone.
    private static bool IsDateTime(string text) =>
        DateTimePattern().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsCycle(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || !RepeatPattern().IsMatch(parts[0]))
        {
            return false;
        }

        return parts.Length == 2
            ? IsoDuration.TryParse(parts[1], out _)
            : (IsDateTime(parts[1]) && IsoDuration.TryParse(parts[2], out _))
                || (IsoDuration.TryParse(parts[1], out _) && IsDateTime(parts[2]));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^R\d*$")]
    private static partial Regex RepeatPattern();
}
