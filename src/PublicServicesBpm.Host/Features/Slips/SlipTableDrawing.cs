using PdfSharp.Drawing;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>A ruled table whose rows wrap in their cells and continue on new pages under a repeated header.</summary>
internal static class SlipTableDrawing
{
    private const double Padding = 2.5;

    public static void Draw(SlipCanvas canvas, TableBlock table, SlipValues values, double templateSize)
    {
        var size = table.FontSize ?? templateSize - 1;
        var regular = canvas.Font(size, bold: false);
        var bold = canvas.Font(size, bold: true);
        var total = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => canvas.Content.Width * c.Width / total).ToArray();
        var rows = values.Tables.GetValueOrDefault(table.Rows) ?? [];
        string Top(string text) => SlipText.Fill(text, name => values.Fields.GetValueOrDefault(name));

        var header = Cells(canvas, [.. table.Columns.Select(c => Top(c.Header))], widths, bold);
        canvas.Y += 2;
        canvas.MakeRoom(Height(header, bold) * 2);
        DrawRow(canvas, header, widths, bold, table.Columns.Select(_ => SlipAlign.Center).ToArray());
        foreach (var row in rows)
        {
            var texts = table.Columns.Select(c => SlipText.Fill(c.Text, name => row.TryGetValue(name, out var v) ? v : values.Fields.GetValueOrDefault(name))).ToArray();
            var cells = Cells(canvas, texts, widths, regular);
            if (canvas.MakeRoom(Height(cells, regular)))
            {
                DrawRow(canvas, header, widths, bold, table.Columns.Select(_ => SlipAlign.Center).ToArray());
            }
            DrawRow(canvas, cells, widths, regular, table.Columns.Select(c => c.Align).ToArray());
        }
        if (rows.Count == 0 && table.Empty is not null)
        {
            var line = Cells(canvas, [Top(table.Empty)], [widths.Sum()], regular);
            canvas.MakeRoom(Height(line, regular));
            DrawRow(canvas, line, [widths.Sum()], regular, [SlipAlign.Center]);
        }
        canvas.Y += 4;
    }

    private static IReadOnlyList<string>[] Cells(SlipCanvas canvas, string[] texts, double[] widths, XFont font) =>
        [.. texts.Select((t, i) => canvas.Wrap(t, font, widths[i] - 2 * Padding))];

    private static double Height(IReadOnlyList<string>[] cells, XFont font) =>
        cells.Max(c => c.Count) * SlipCanvas.LineHeight(font) + 2 * Padding;

    private static void DrawRow(SlipCanvas canvas, IReadOnlyList<string>[] cells, double[] widths, XFont font, SlipAlign[] aligns)
    {
        var height = Height(cells, font);
        var pen = new XPen(XColors.Black, 0.5);
        var x = canvas.Content.Left;
        for (var i = 0; i < cells.Length; i++)
        {
            canvas.Graphics.DrawRectangle(pen, x, canvas.Y, widths[i], height);
            var y = canvas.Y + Padding;
            foreach (var line in cells[i])
            {
                canvas.DrawLine(line, font, x + Padding, widths[i] - 2 * Padding, aligns[i], y);
                y += SlipCanvas.LineHeight(font);
            }
            x += widths[i];
        }
        canvas.Y += height;
    }
}
