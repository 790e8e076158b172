using System.Text;

namespace PublicServicesBpm.Engine.Feel.Builtins;

/// <summary>
/// Upper-casing with Unicode's full case mapping, as FEEL (through XPath) and JavaScript use:
/// "ß" becomes "SS". .NET's ToUpperInvariant maps one character to one, so the characters whose
/// capital is longer are expanded here first.
/// </summary>
internal static class CaseMapping
{
    private static readonly Dictionary<char, string> Expanding = new()
    {
        ['ß'] = "SS",
        ['ŉ'] = "ʼN",
        ['ﬀ'] = "FF",
        ['ﬁ'] = "FI",
        ['ﬂ'] = "FL",
        ['ﬃ'] = "FFI",
        ['ﬄ'] = "FFL",
        ['ﬅ'] = "ST",
        ['ﬆ'] = "ST",
    };

    public static string Upper(string text)
    {
        if (!text.Any(Expanding.ContainsKey))
        {
            return text.ToUpperInvariant();
        }

        var upper = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            upper.Append(Expanding.TryGetValue(c, out var expanded) ? expanded : char.ToUpperInvariant(c));
        }

        return upper.ToString();
    }
}
