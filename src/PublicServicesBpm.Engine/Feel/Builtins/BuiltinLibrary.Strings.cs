using System.Text;
using PublicServicesBpm.Engine.Feel.Evaluation;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

internal static partial class BuiltinLibrary
{
    // FEEL counts characters as Unicode code points, so an emoji is one character, not two.
    private static void AddStrings(Define add)
    {
        add("substring", ["string", "start position", "length"], Substring);
        add("string length", ["string"], i => i.Text(0) is { } s ? Num(CodePoints(s).Length) : Null);
        add("upper case", ["string"], i => i.Text(0) is { } s ? Str(CaseMapping.Upper(s)) : Null);
        add("lower case", ["string"], i => i.Text(0) is { } s ? Str(s.ToLowerInvariant()) : Null);
        add("substring before", ["string", "match"], i => i.Text(0) is { } s && i.Text(1) is { } m
            ? Str(s.IndexOf(m, StringComparison.Ordinal) is var at and >= 0 ? s[..at] : "")
            : Null);
        add("substring after", ["string", "match"], i => i.Text(0) is { } s && i.Text(1) is { } m
            ? Str(s.IndexOf(m, StringComparison.Ordinal) is var at and >= 0 ? s[(at + m.Length)..] : "")
            : Null);
        add("contains", ["string", "match"], i => i.Text(0) is { } s && i.Text(1) is { } m ? Bool(s.Contains(m, StringComparison.Ordinal)) : Null);
        add("starts with", ["string", "match"], i => i.Text(0) is { } s && i.Text(1) is { } m ? Bool(s.StartsWith(m, StringComparison.Ordinal)) : Null);
        add("ends with", ["string", "match"], i => i.Text(0) is { } s && i.Text(1) is { } m ? Bool(s.EndsWith(m, StringComparison.Ordinal)) : Null);
        add("matches", ["input", "pattern", "flags"], i => i.Text(0) is { } s && i.Text(1) is { } p
            ? Bool(BoundedRegex.IsMatch(s, p, FlagsOrEmpty(i, 2), i.Run.Limits.RegexTimeout))
            : Null);
        add("replace", ["input", "pattern", "replacement", "flags"], i => i.Text(0) is { } s && i.Text(1) is { } p && i.Text(2) is { } r
            ? Str(i.Run.CheckString(BoundedRegex.Replace(s, p, r, FlagsOrEmpty(i, 3), i.Run.Limits.RegexTimeout)))
            : Null);
        add("split", ["string", "delimiter"], i => i.Text(0) is { } s && i.Text(1) is { } d
            ? new FeelList([.. BoundedRegex.Split(s, d, i.Run.Limits.RegexTimeout).Select(Str)])
            : Null);
        add("string join", ["list", "delimiter", "prefix", "suffix"], StringJoin);
    }

    private static string? FlagsOrEmpty(Invocation i, int index) => i[index].IsNull ? "" : i.Text(index);

    private static FeelValue Substring(Invocation i)
    {
        if (i.Text(0) is not { } text || i.Number(1) is not { } start)
        {
            return Null;
        }

        var points = CodePoints(text);
        // A negative start counts from the end; FEEL rounds fractional positions.
        var position = (int)decimal.Round(start, MidpointRounding.AwayFromZero);
        if (position == 0)
        {
            // Positions are 1-based; 0 names no character.
            return Null;
        }

        var first = position > 0 ? position - 1 : Math.Max(0, points.Length + position);
        if (first >= points.Length)
        {
            return Str("");
        }

        var count = i[2].IsNull ? points.Length - first : (int)decimal.Round(i.Number(2) ?? -1, MidpointRounding.AwayFromZero);
        if (count < 0)
        {
            return Null;
        }

        count = Math.Min(count, points.Length - first);
        return Str(string.Concat(points.AsSpan(first, count).ToArray()));
    }

    private static FeelValue StringJoin(Invocation i)
    {
        if (i.List(0) is not { } items || (!i[1].IsNull && i.Text(1) is null))
        {
            return Null;
        }

        var parts = new List<string>();
        foreach (var item in items)
        {
            switch (item)
            {
                case FeelString s:
                    parts.Add(s.Value);
                    break;
                case { IsNull: true }:
                    break;
                default:
                    return Null;
            }
        }

        var joined = new StringBuilder(i.Text(2) ?? "").AppendJoin(i.Text(1) ?? "", parts).Append(i.Text(3) ?? "").ToString();
        return Str(i.Run.CheckString(joined));
    }

    private static string[] CodePoints(string text) => [.. text.EnumerateRunes().Select(r => r.ToString())];
}
