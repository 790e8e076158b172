using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PublicServicesBpm.Host.Features.Audit;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>
/// The register (form 06) as an .xlsx workbook: the columns of the template's table, a header row, one row per dossier.
/// A column that is a single date or time placeholder becomes a real date cell (Vietnam time), so Excel can sort and
/// filter it; other columns are text as printed on the PDF.
/// </summary>
internal static class RegisterExcel
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    public static byte[] Write(SlipTemplate template, SlipValues values)
    {
        var table = template.Blocks.OfType<TableBlock>().FirstOrDefault()
            ?? throw new SlipTemplateException([$"Form {template.Form}: the template has no table block to export."]);
        var rowFields = SlipForms.All[template.Form].Tables[table.Rows];
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            header.Append(table.Columns.Select(c => Text(SlipText.Fill(c.Header, n => values.Fields.GetValueOrDefault(n)), HeaderStyle)));
            data.Append(header);
            var rows = values.Tables.GetValueOrDefault(table.Rows) ?? [];
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 2) };
                row.Append(table.Columns.Select(c => Cell(c, rows[r], rowFields, values)));
                data.Append(row);
            }
            var columns = new Columns(table.Columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = Math.Clamp(c.Width * 6, 6, 80),
                CustomWidth = true,
            }));
            sheetPart.Worksheet = new Worksheet(columns, data);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "So theo doi ho so" });
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell Cell(SlipColumn column, IReadOnlyDictionary<string, object?> row, IReadOnlyDictionary<string, SlipFieldKind> rowFields, SlipValues values)
    {
        var parts = SlipText.Parse(column.Text, out _);
        if (parts is [{ IsField: true } only] && rowFields.TryGetValue(only.Text, out var kind))
        {
            switch (row.GetValueOrDefault(only.Text))
            {
                case DateTimeOffset instant when kind == SlipFieldKind.DateTime:
                    return new Cell { CellValue = new CellValue(VietnamTime.ToLocal(instant).DateTime.ToOADate()), DataType = CellValues.Number, StyleIndex = DateStyle };
                case int number:
                    return new Cell { CellValue = new CellValue(number), DataType = CellValues.Number };
                default:
                    break;
            }
        }
        return Text(SlipText.Fill(column.Text, n => row.TryGetValue(n, out var v) ? v : values.Fields.GetValueOrDefault(n)), 0);
    }

    private static Cell Text(string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>Style 0 plain, 1 a date and time (dd/mm/yyyy hh:mm), 2 bold with wrapping for the header.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy hh:mm" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true })
        { Count = 3 });
}
