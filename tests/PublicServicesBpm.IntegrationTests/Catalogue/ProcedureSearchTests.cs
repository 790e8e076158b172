using System.Net;
using PublicServicesBpm.IntegrationTests.Identity;

namespace PublicServicesBpm.IntegrationTests.Catalogue;

/// <summary>The public procedure search (P11) over the procedures the fixture imported at start-up.</summary>
public sealed class ProcedureSearchTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    [Fact]
    public async Task Search_WithoutDiacritics_FindsProcedureAndRanksWholePhraseInNameFirst()
    {
        using var client = fixture.Anonymous();

        var keys = await SearchAsync(client, "q=dang%20ky%20khai%20sinh");

        // Whole phrase in the name, then every word in the name, then more words found before fewer ("khai sinh" in a
        // component's name before "khai" alone in "Tờ khai").
        Assert.Equal(["dang-ky-khai-sinh", "dang-ky-lai-khai-sinh", "cap-ban-sao-trich-luc-ho-tich", "cap-phieu-ly-lich-tu-phap"], keys);
    }

    [Fact]
    public async Task Search_UpperCaseWithDiacriticsAndPunctuation_FindsSameProcedure()
    {
        using var client = fixture.Anonymous();

        var keys = await SearchAsync(client, "q=" + Uri.EscapeDataString("ĐĂNG KÝ, khai-sinh"));

        Assert.Equal("dang-ky-khai-sinh", keys[0]);
    }

    [Fact]
    public async Task Search_WordPrefixes_RankTheProcedureWithAllWordsFirst()
    {
        using var client = fixture.Anonymous();

        var keys = await SearchAsync(client, "q=ly%20lich%20tu");

        // Every procedure with a word starting "tu" (tùy thân) is a candidate; the one with all three words leads.
        Assert.Equal("cap-phieu-ly-lich-tu-phap", keys[0]);
    }

    [Theory]
    [InlineData("sector=ly-lich-tu-phap", "cap-phieu-ly-lich-tu-phap")]
    [InlineData("level=province", "cap-phieu-ly-lich-tu-phap")]
    [InlineData("onlineLevel=partial", "cap-phieu-ly-lich-tu-phap")]
    [InlineData("agency=000.00.11.H38", "cap-phieu-ly-lich-tu-phap")]
    public async Task Search_Filter_KeepsOnlyMatchingProcedures(string filter, string expected)
    {
        using var client = fixture.Anonymous();

        var keys = await SearchAsync(client, filter);

        Assert.Contains(expected, keys);
        Assert.DoesNotContain("dang-ky-khai-sinh", keys);
    }

    [Fact]
    public async Task Search_NoQuery_ListsEveryProcedureInForceByNameWithTotal()
    {
        using var client = fixture.Anonymous();

        using var response = await client.GetAsync(new Uri("/api/v1/catalogues/procedures?sector=ho-tich", UriKind.Relative));

        var page = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(1, page.GetProperty("pageNumber").GetInt32());
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Search_PastLastPage_IsEmptyWithSameTotal()
    {
        using var client = fixture.Anonymous();

        using var first = await client.GetAsync(new Uri("/api/v1/catalogues/procedures?q=khai%20sinh", UriKind.Relative));
        using var past = await client.GetAsync(new Uri("/api/v1/catalogues/procedures?q=khai%20sinh&page=50", UriKind.Relative));

        var firstPage = await ApiAssert.JsonAsync(first, HttpStatusCode.OK);
        var pastPage = await ApiAssert.JsonAsync(past, HttpStatusCode.OK);
        Assert.True(firstPage.GetProperty("total").GetInt32() >= 2);
        Assert.Empty(pastPage.GetProperty("items").EnumerateArray());
        Assert.Equal(firstPage.GetProperty("total").GetInt32(), pastPage.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_BadPage_IsValidationProblem()
    {
        using var client = fixture.Anonymous();

        using var response = await client.GetAsync(new Uri("/api/v1/catalogues/procedures?page=0", UriKind.Relative));

        await ApiAssert.ValidationProblemAsync(response, "page");
    }

    internal static async Task<List<string>> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/catalogues/procedures?" + query, UriKind.Relative));
        var page = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).ToList();
    }
}
