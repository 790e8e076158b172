using System.Globalization;
using System.Text;

namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// Folds Vietnamese text for search: lower case, diacritics removed (including đ/Đ → d, which Unicode does not
/// decompose), every run of other characters turned into one space. "Đăng ký khai sinh" and "dang ky  KHAI-sinh"
/// both fold to "dang ky khai sinh". Stored columns and queries are folded by this one function, so they agree.
/// </summary>
public static class SearchFolding
{
    /// <summary>The folded text; empty for null or blank text.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var letter = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (char.IsLetterOrDigit(letter))
            {
                if (pendingSpace && folded.Length > 0)
                {
                    folded.Append(' ');
                }
                folded.Append(letter);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }
        return folded.ToString();
    }

    /// <summary>The value of a stored search column: the folded text between spaces, so every word has a space on both sides.</summary>
    public static string Column(string? text) => " " + Fold(text) + " ";

    /// <summary>The distinct words of the folded query, in order (at most <paramref name="max"/>).</summary>
    public static IReadOnlyList<string> Words(string? query, int max = 8) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(max).ToList();
}
