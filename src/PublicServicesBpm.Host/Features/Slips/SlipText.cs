using System.Globalization;
using System.Text;
using PublicServicesBpm.Host.Features.Audit;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>A piece of template text: literal text, or a placeholder with its field name and optional format.</summary>
internal readonly record struct SlipTextPart(string Text, bool IsField, string? Format);

/// <summary>
/// Placeholders in template texts: <c>{field}</c> or <c>{field:format}</c> (a .NET date or number format, e.g.
/// <c>{appointment:dd/MM/yyyy}</c>); <c>{{</c> and <c>}}</c> print braces.
/// </summary>
internal static class SlipText
{
    /// <summary>Dates print as 27/10/2023 unless the placeholder says otherwise.</summary>
    public const string DefaultDateFormat = "dd/MM/yyyy";

    /// <summary>Instants print in Vietnam time as "14 giờ 05 phút, ngày 27/10/2023" unless the placeholder says otherwise.</summary>
    public const string DefaultDateTimeFormat = "HH 'giờ' mm 'phút, ngày' dd/MM/yyyy";

    /// <summary>Splits a text into parts, or says what is wrong with it (an unclosed brace, an empty name).</summary>
    public static IReadOnlyList<SlipTextPart> Parse(string text, out string? problem)
    {
        var parts = new List<SlipTextPart>();
        var literal = new StringBuilder();
        problem = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '}')
            {
                problem = $"a '}}' at position {i} closes no placeholder (write '}}}}' for a brace).";
                return [];
            }
            else if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '{')
            {
                var end = text.IndexOf('}', i + 1);
                if (end < 0)
                {
                    problem = $"the placeholder at position {i} has no closing '}}'.";
                    return [];
                }
                var inside = text[(i + 1)..end];
                var colon = inside.IndexOf(':', StringComparison.Ordinal);
                var name = (colon < 0 ? inside : inside[..colon]).Trim();
                if (name.Length == 0)
                {
                    problem = $"the placeholder at position {i} names no field.";
                    return [];
                }
                if (literal.Length > 0)
                {
                    parts.Add(new(literal.ToString(), false, null));
                    literal.Clear();
                }
                parts.Add(new(name, true, colon < 0 ? null : inside[(colon + 1)..]));
                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }
        if (literal.Length > 0)
        {
            parts.Add(new(literal.ToString(), false, null));
        }
        return parts;
    }

    /// <summary>The text with every placeholder replaced by its value; a missing value prints as nothing.</summary>
    public static string Fill(string text, Func<string, object?> value)
    {
        var parts = Parse(text, out var problem);
        if (problem is not null)
        {
            throw new SlipTemplateException([$"Text \"{text}\": {problem}"]);
        }
        var result = new StringBuilder();
        foreach (var part in parts)
        {
            result.Append(part.IsField ? Format(value(part.Text), part.Format) : part.Text);
        }
        return result.ToString();
    }

    /// <summary>One value as printed: instants in Vietnam time, numbers and dates in the given or default format.</summary>
    public static string Format(object? value, string? format) => value switch
    {
        null => "",
        DateTimeOffset instant => VietnamTime.ToLocal(instant).ToString(format ?? DefaultDateTimeFormat, CultureInfo.InvariantCulture),
        DateOnly day => day.ToString(format ?? DefaultDateFormat, CultureInfo.InvariantCulture),
        int number => number.ToString(format ?? "0", CultureInfo.InvariantCulture),
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
