using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>A rendered slip: the PDF, its page count, and the text its QR code encodes (none without a dossier code).</summary>
internal sealed record SlipPdf(byte[] Content, int PageCount, string? QrPayload);

/// <summary>Draws a template's blocks top to bottom onto A5 or A4 pages, filled with one slip's values.</summary>
internal static class SlipPdfRenderer
{
    public static SlipPdf Render(SlipTemplate template, SlipValues values)
    {
        SlipFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = template.Title;
        document.Info.Creator = "PublicServicesBpm";
        document.Options.CompressContentStreams = true;
        var qrPayload = values.Fields.GetValueOrDefault(SlipForms.LookupUrlField) as string;
        using (var canvas = new SlipCanvas(document, template.Page))
        {
            string Fill(string text) => SlipText.Fill(text, name => values.Fields.GetValueOrDefault(name));
            foreach (var block in template.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        DrawHeading(canvas, heading, template.FontSize, Fill);
                        break;
                    case TitleBlock title:
                        canvas.Y += template.FontSize * 0.6;
                        DrawParagraph(canvas, Fill(title.Text), canvas.Font(title.FontSize ?? template.FontSize + 3, bold: true), SlipAlign.Center, 0);
                        if (title.Subtitle is not null)
                        {
                            DrawParagraph(canvas, Fill(title.Subtitle), canvas.Font(template.FontSize, bold: false), SlipAlign.Center, 0);
                        }
                        canvas.Y += template.FontSize * 0.6;
                        break;
                    case ParagraphBlock paragraph:
                        DrawParagraph(canvas, Fill(paragraph.Text), canvas.Font(paragraph.FontSize ?? template.FontSize, paragraph.Bold), paragraph.Align, SlipCanvas.Mm(paragraph.IndentMm));
                        break;
                    case TableBlock table:
                        SlipTableDrawing.Draw(canvas, table, values, template.FontSize);
                        break;
                    case QrBlock qr when qrPayload is not null:
                        DrawQr(canvas, qr, qrPayload, template.FontSize, Fill);
                        break;
                    case SignaturesBlock signatures:
                        DrawSignatures(canvas, signatures, template.FontSize, Fill);
                        break;
                    case SpaceBlock space:
                        canvas.Y += SlipCanvas.Mm(space.Mm);
                        break;
                    default:
                        break;
                }
            }
        }
        var pageCount = document.PageCount;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return new SlipPdf(stream.ToArray(), pageCount, qrPayload);
    }

    private static void DrawParagraph(SlipCanvas canvas, string text, XFont font, SlipAlign align, double indent)
    {
        var width = canvas.Content.Width - indent;
        foreach (var line in canvas.Wrap(text, font, width))
        {
            canvas.MakeRoom(SlipCanvas.LineHeight(font));
            canvas.DrawLine(line, font, canvas.Content.Left + indent, width, align);
            canvas.Y += SlipCanvas.LineHeight(font);
        }
    }

    /// <summary>Column blocks side by side (heading, signatures): each column's lines centred; the cursor ends below the tallest.</summary>
    private static void DrawColumns(SlipCanvas canvas, IReadOnlyList<(double Width, IReadOnlyList<(string Text, XFont Font, double GapBefore)> Lines)> columns)
    {
        var wrapped = columns.Select(c => (c.Width, Lines: c.Lines.SelectMany(l => canvas.Wrap(l.Text, l.Font, c.Width - 4)
            .Select((text, i) => (Text: text, l.Font, Gap: i == 0 ? l.GapBefore : 0))).ToList())).ToList();
        var height = wrapped.Max(c => c.Lines.Sum(l => l.Gap + SlipCanvas.LineHeight(l.Font)));
        canvas.MakeRoom(height);
        var x = canvas.Content.Left;
        foreach (var column in wrapped)
        {
            var y = canvas.Y;
            foreach (var line in column.Lines)
            {
                y += line.Gap;
                canvas.DrawLine(line.Text, line.Font, x, column.Width, SlipAlign.Center, y);
                y += SlipCanvas.LineHeight(line.Font);
            }
            x += column.Width;
        }
        canvas.Y += height;
    }

    private static void DrawHeading(SlipCanvas canvas, HeadingBlock heading, double size, Func<string, string> fill)
    {
        IReadOnlyList<(string, XFont, double)> Lines(IReadOnlyList<SlipLine> lines) =>
            [.. lines.Select(l => (fill(l.Text), canvas.Font(l.FontSize ?? size - 1, l.Bold), 0d))];
        var left = canvas.Content.Width * 0.42;
        DrawColumns(canvas, [(left, Lines(heading.Left)), (canvas.Content.Width - left, Lines(heading.Right))]);
        // The short rule under the agency and the motto, as on the printed forms.
        var pen = new XPen(XColors.Black, 0.5);
        canvas.Graphics.DrawLine(pen, canvas.Content.Left + left * 0.3, canvas.Y + 1, canvas.Content.Left + left * 0.7, canvas.Y + 1);
        var right = canvas.Content.Width - left;
        canvas.Graphics.DrawLine(pen, canvas.Content.Left + left + right * 0.2, canvas.Y + 1, canvas.Content.Left + left + right * 0.8, canvas.Y + 1);
        canvas.Y += size * 0.6;
    }

    private static void DrawSignatures(SlipCanvas canvas, SignaturesBlock block, double size, Func<string, string> fill)
    {
        var width = canvas.Content.Width / block.Signers.Count;
        var space = SlipCanvas.Mm(block.SpaceMm);
        canvas.Y += size * 0.6;
        DrawColumns(canvas, [.. block.Signers.Select(s => (width, (IReadOnlyList<(string, XFont, double)>)[
            .. s.Lines.Select(l => (fill(l.Text), canvas.Font(l.FontSize ?? size, l.Bold), 0d)),
            .. s.Name is null ? [] : new[] { (fill(s.Name), canvas.Font(size, bold: true), space) },
        ]))]);
    }

    private static void DrawQr(SlipCanvas canvas, QrBlock block, string payload, double size, Func<string, string> fill)
    {
        var side = SlipCanvas.Mm(block.SizeMm);
        canvas.MakeRoom(side);
        using (var image = XImage.FromStream(new MemoryStream(SlipQrCode.Png(payload))))
        {
            canvas.Graphics.DrawImage(image, canvas.Content.Left, canvas.Y, side, side);
        }
        if (block.Caption is not null)
        {
            var font = canvas.Font(size - 1, bold: false);
            var x = canvas.Content.Left + side + SlipCanvas.Mm(3);
            var y = canvas.Y + SlipCanvas.Mm(2);
            foreach (var line in canvas.Wrap(fill(block.Caption), font, canvas.Content.Right - x))
            {
                canvas.DrawLine(line, font, x, canvas.Content.Right - x, SlipAlign.Left, y);
                y += SlipCanvas.LineHeight(font);
            }
        }
        canvas.Y += side + size * 0.4;
    }
}
