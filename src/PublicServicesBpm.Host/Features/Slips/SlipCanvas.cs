using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>
/// The pages of one slip and a cursor going down them: opens a new page when the next thing does not fit, measures and
/// wraps text in the embedded font.
/// </summary>
internal sealed class SlipCanvas : IDisposable
{
    private readonly PdfDocument _document;
    private readonly SlipPage _page;
    private readonly Dictionary<(double, bool), XFont> _fonts = [];
    private XGraphics? _graphics;

    public SlipCanvas(PdfDocument document, SlipPage page)
    {
        _document = document;
        _page = page;
        NewPage();
    }

    public XGraphics Graphics => _graphics!;

    /// <summary>The printable area of the page, in points.</summary>
    public XRect Content { get; private set; }

    /// <summary>Where the next thing is drawn, in points from the top of the page.</summary>
    public double Y { get; set; }

    public double Remaining => Content.Bottom - Y;

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        var (width, height) = _page.Size == SlipPageSize.A5 ? (148, 210) : (210, 297);
        if (_page.Orientation == SlipOrientation.Landscape)
        {
            (width, height) = (height, width);
        }
        page.Width = XUnit.FromMillimeter(width);
        page.Height = XUnit.FromMillimeter(height);
        var m = _page.MarginsMm;
        Content = new XRect(Mm(m.Left), Mm(m.Top), page.Width.Point - Mm(m.Left + m.Right), page.Height.Point - Mm(m.Top + m.Bottom));
        Y = Content.Top;
        _graphics = XGraphics.FromPdfPage(page);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits; a page already empty is kept (the thing is drawn anyway).</summary>
    public bool MakeRoom(double height)
    {
        if (height <= Remaining || Y <= Content.Top)
        {
            return false;
        }
        NewPage();
        return true;
    }

    /// <summary>Fonts are embedded as Unicode (Identity-H with a ToUnicode map): Vietnamese text extracts as typed.</summary>
    public XFont Font(double size, bool bold)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(SlipFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[(size, bold)] = font;
        }
        return font;
    }

    public static double LineHeight(XFont font) => font.Size * 1.3;

    public double Width(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    /// <summary>Lines no wider than <paramref name="width"/>: breaks between words, inside a word only when it alone is too wide.</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = word;
                while (Width(line, font) > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && Width(line[..fit], font) > width)
                    {
                        fit--;
                    }
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Draws one line at the cursor's height, aligned within [x, x + width], without moving the cursor.</summary>
    public void DrawLine(string text, XFont font, double x, double width, SlipAlign align, double? y = null)
    {
        var format = align switch
        {
            SlipAlign.Center => XStringFormats.TopCenter,
            SlipAlign.Right => XStringFormats.TopRight,
            _ => XStringFormats.TopLeft,
        };
        Graphics.DrawString(text, font, XBrushes.Black, new XRect(x, y ?? Y, width, LineHeight(font)), format);
    }

    public static double Mm(double millimetres) => XUnit.FromMillimeter(millimetres).Point;

    public void Dispose() => _graphics?.Dispose();
}
