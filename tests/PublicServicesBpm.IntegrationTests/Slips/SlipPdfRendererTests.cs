using System.Text;
using PublicServicesBpm.Host.Features.Slips;
using UglyToad.PdfPig;

namespace PublicServicesBpm.IntegrationTests.Slips;

public sealed class SlipPdfRendererTests
{
    private readonly SlipDocuments _documents = SlipSamples.Documents();

    [Fact]
    public void Receipt_VietnameseData_TextComesBackWithDiacritics()
    {
        var pdf = _documents.Pdf(SlipSamples.Receipt());

        var text = PdfText.Flat(string.Join('\n', PdfText.Pages(pdf.Content)));
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hồng Nhung", text, StringComparison.Ordinal);
        Assert.Contains("Mã hồ sơ: 000.00.06.H56-231027-0361", text, StringComparison.Ordinal);
        Assert.Contains("4. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 01/11/2023", text, StringComparison.Ordinal);
        Assert.Contains("3. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 27/10/2023", text, StringComparison.Ordinal);
        Assert.Contains("Hà Nội, ngày 27 tháng 10 năm 2023", text, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf.Content);
        Assert.Equal("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", document.Information.Title);
    }

    [Fact]
    public void Receipt_Rendered_IsA5PortraitWithEmbeddedNotoSerif()
    {
        var pdf = _documents.Pdf(SlipSamples.Receipt());

        using var document = PdfDocument.Open(pdf.Content);
        var page = document.GetPage(1);
        Assert.Equal(420, page.Width, 0);
        Assert.Equal(595, page.Height, 0);
        Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l => Assert.Contains("Noto Serif", l.FontName, StringComparison.Ordinal));
        // A font program in the file (FontFile2 = TrueType), not a reference to an installed font.
        var raw = Encoding.Latin1.GetString(pdf.Content);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        // Two subsets (regular and bold), each with its TrueType program.
        var embedded = System.Text.RegularExpressions.Regex.Matches(raw, @"/FontName\s*/[A-Z]{6}\+Noto#20Serif[^/]*/FontFile2");
        Assert.Equal(2, embedded.Count);
    }

    [Fact]
    public void Receipt_QrCode_IsAnImageOfTheLookupAddress()
    {
        var pdf = _documents.Pdf(SlipSamples.Receipt());

        Assert.Equal("https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.06.H56-231027-0361", pdf.QrPayload);
        using var document = PdfDocument.Open(pdf.Content);
        var image = Assert.Single(document.GetPage(1).GetImages());
        Assert.True(QrImage.Matches(image, pdf.QrPayload!), "the image's modules are those of the lookup address's QR code");
        Assert.False(QrImage.Matches(image, pdf.QrPayload + "/x"), "a different payload does not match the image");
    }

    [Fact]
    public void Receipt_LongComponentList_WrapsAndContinuesWithHeader()
    {
        var pdf = _documents.Pdf(SlipSamples.Receipt(components: 24));

        var pages = PdfText.Pages(pdf.Content);
        Assert.True(pages.Count >= 2, $"24 components fill more than one A5 page (got {pages.Count})");
        Assert.Contains("Tên loại giấy tờ", PdfText.Flat(pages[1]), StringComparison.Ordinal);
        // The long component name does not fit one cell line: it is wrapped, and every word is still there.
        var text = PdfText.Flat(string.Join('\n', pages));
        Assert.Contains("Văn bản ủy quyền được chứng thực theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh", text, StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf.Content);
        var lines = document.GetPage(1).GetWords().Where(w => w.Text is "Văn" or "khai").Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count();
        Assert.True(lines >= 2, "the long component name spans several lines");
    }

    [Fact]
    public void Supplementation_Rendered_NamesEachComponentAndWhy()
    {
        var text = PdfText.Flat(string.Join('\n', PdfText.Pages(_documents.Pdf(SlipSamples.Supplementation()).Content)));

        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Bản chụp bị mờ, không đọc được họ tên người mẹ; nộp bản chính.", text, StringComparison.Ordinal);
        Assert.Contains("Chưa được chứng thực chữ ký.", text, StringComparison.Ordinal);
        Assert.Contains("Lê Thu Hương, số điện thoại 024 3843 1235", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_WithoutDossierCode_HasReasonAndNoQrCode()
    {
        var pdf = _documents.Pdf(SlipSamples.Refusal());

        var text = PdfText.Flat(string.Join('\n', PdfText.Pages(pdf.Content)));
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Việc hộ tịch đã đăng ký tại Ủy ban nhân dân quận Hoàn Kiếm", text, StringComparison.Ordinal);
        Assert.Null(pdf.QrPayload);
        using var document = PdfDocument.Open(pdf.Content);
        Assert.Empty(document.GetPage(1).GetImages());
    }

    [Fact]
    public void Apology_Rendered_HasOldAndNewAppointment()
    {
        var pdf = _documents.Pdf(SlipSamples.Apology());

        var text = PdfText.Flat(string.Join('\n', PdfText.Pages(pdf.Content)));
        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains("Thời hạn trả kết quả giải quyết hồ sơ đã hẹn: 16 giờ 30 phút, ngày 01/11/2023.", text, StringComparison.Ordinal);
        Assert.Contains("10 giờ 00 phút, ngày 06/11/2023", text, StringComparison.Ordinal);
        Assert.Contains("Phòng Tư pháp chưa trả kết quả", text, StringComparison.Ordinal);
        Assert.Contains("Phạm Quốc Khánh", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlSheet_Rendered_HasOneRowPerHandOff()
    {
        var pdf = _documents.Pdf(SlipSamples.Control());

        var text = PdfText.Flat(string.Join('\n', PdfText.Pages(pdf.Content)));
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Đã thẩm định, đủ điều kiện", text, StringComparison.Ordinal);
        Assert.Contains("09:30 27/10/2023", text, StringComparison.Ordinal);
        Assert.Contains("Trình ký", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_LongList_IsA4LandscapeAndRepeatsHeaderOnNextPage()
    {
        var pdf = _documents.Pdf(SlipSamples.Register(entries: 40));

        using var document = PdfDocument.Open(pdf.Content);
        Assert.True(document.NumberOfPages >= 2, $"40 dossiers fill more than one A4 page (got {document.NumberOfPages})");
        Assert.Equal(842, document.GetPage(1).Width, 0);
        Assert.Equal(595, document.GetPage(1).Height, 0);
        var pages = PdfText.Pages(pdf.Content).Select(PdfText.Flat).ToList();
        Assert.Contains("SỔ THEO DÕI HỒ SƠ", pages[0], StringComparison.Ordinal);
        Assert.Contains("Tên cá nhân, tổ chức", pages[1], StringComparison.Ordinal);
        Assert.Contains("Hẹn trả kết quả", pages[1], StringComparison.Ordinal);
        Assert.Contains("000.00.06.H56-231013-0040", pages[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("SỔ THEO DÕI HỒ SƠ", pages[1], StringComparison.Ordinal);
    }
}
