using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace PublicServicesBpm.IntegrationTests.Slips;

/// <summary>A rendered PDF read back with PdfPig: each page's text in reading order.</summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))];
    }

    /// <summary>Whitespace runs made one space: line breaks fall where wrapping put them.</summary>
    public static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
