using PublicServicesBpm.Host.Features.Catalogue;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.IntegrationTests.Catalogue;

/// <summary>The pure parts of the catalogue: search folding and CSV (no database).</summary>
public sealed class CatalogueTextTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("  ĐĂNG KÝ,  khai-sinh! ", "dang ky khai sinh")]
    [InlineData("Cấp Phiếu lý lịch tư pháp số 2", "cap phieu ly lich tu phap so 2")]
    [InlineData("Thủ tục ở Hà Nội – Cửa Nam", "thu tuc o ha noi cua nam")]
    [InlineData("", "")]
    public void Fold_VietnameseText_IsLowerCaseWithoutDiacritics(string text, string expected) =>
        Assert.Equal(expected, SearchFolding.Fold(text));

    [Fact]
    public void Csv_FieldsWithCommasQuotesAndLineBreaks_RoundTrip()
    {
        string?[] record = ["a,b", "say \"xin chào\"", "dòng 1\r\ndòng 2", null, "thường"];

        var text = CatalogueCsv.Write(["c1", "c2", "c3", "c4", "c5"], [record]);
        var (header, records) = CatalogueCsv.Parse("\uFEFF" + text);

        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], header);
        Assert.Equal(record.Select(f => f ?? string.Empty), Assert.Single(records));
    }

    [Theory]
    [InlineData("a,b\n\"x,y\n", "Line 2")]
    [InlineData("a,b\nx\"y,z\n", "Line 2")]
    [InlineData("a,b\n\"x\"y,z\n", "Line 2")]
    [InlineData("a,b\nx,y,z\n", "Record 1")]
    public void Csv_Malformed_NamesTheLine(string text, string where)
    {
        var exception = Assert.Throws<FormatException>(() => CatalogueCsv.Parse(text));

        Assert.StartsWith(where, exception.Message, StringComparison.Ordinal);
    }
}
