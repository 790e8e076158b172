using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PublicServicesBpm.IntegrationTests.Slips;

public sealed class RegisterExcelTests
{
    [Fact]
    public void RegisterExcel_ThreeDossiers_HeaderRowsAndRealDates()
    {
        var bytes = SlipSamples.Documents().RegisterExcel(SlipSamples.Register(entries: 3));

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(4, rows.Count);
        var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["TT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức"], header.Take(4));
        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal("Nguyễn Thị Hồng Nhung", first[3].InnerText);
        // Received at 09:15 on 2 October 2023 (Vietnam time), stored as a serial date with a date format.
        var received = first[header.IndexOf("Nhận hồ sơ")];
        Assert.Equal(CellValues.Number, received.DataType!.Value);
        Assert.Equal(new DateTime(2023, 10, 2, 9, 15, 0), DateTime.FromOADate(double.Parse(received.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var format = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)received.StyleIndex!.Value);
        Assert.Equal(164u, format.NumberFormatId!.Value);
        // Not yet returned: an empty text cell, not a zero date.
        Assert.Equal("", first[header.IndexOf("Ngày trả kết quả")].InnerText);
        Assert.NotNull(part.Worksheet.GetFirstChild<Columns>());
    }
}
