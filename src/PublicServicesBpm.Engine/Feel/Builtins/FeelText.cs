using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

/// <summary>The text string() produces; nested strings are quoted so a list of strings reads unambiguously.</summary>
internal static class FeelText
{
    public static string Render(FeelValue value, bool quoteStrings) => value switch
    {
        FeelNull => "null",
        FeelBoolean b => b.Value ? "true" : "false",
        FeelNumber n => NumberFormat.Render(n.Value),
        FeelString s => quoteStrings ? "\"" + s.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : s.Value,
        FeelList l => "[" + string.Join(", ", l.Items.Select(x => Render(x, true))) + "]",
        FeelContextValue c => "{" + string.Join(", ", c.Entries.Select(e => Key(e.Key) + ": " + Render(e.Value, true))) + "}",
        FeelDate d => TemporalFormat.Date(d.Value),
        FeelTime t => TemporalFormat.Time(t.Value, t.Offset),
        FeelDateTime dt => TemporalFormat.DateTime(dt),
        FeelDaysTimeDuration d => TemporalFormat.DaysTime(d.Value),
        FeelYearsMonthsDuration d => TemporalFormat.YearsMonths(d.TotalMonths),
        FeelRange r => (r.StartIncluded ? "[" : "(") + Render(r.Start, true) + ".." + Render(r.End, true) + (r.EndIncluded ? "]" : ")"),
        FeelFunction => "<function>",
        _ => value.Kind.ToString(),
    };

    private static string Key(string key)
    {
        var plain = key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c == '_');
        return plain ? key : Render(new FeelString(key), true);
    }
}
