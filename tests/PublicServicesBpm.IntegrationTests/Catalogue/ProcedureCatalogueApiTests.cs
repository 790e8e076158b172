using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Catalogue;
using PublicServicesBpm.IntegrationTests.Identity;

namespace PublicServicesBpm.IntegrationTests.Catalogue;

/// <summary>The procedure catalogue (P2, H3): details of the version in force, drafts, publication, withdrawal, bad documents.</summary>
public sealed class ProcedureCatalogueApiTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    [Fact]
    public async Task Get_ImportedProcedure_ShowsCasesComponentsFeesAndTimeLimitsPerChannel()
    {
        using var client = fixture.Anonymous();

        using var response = await client.GetAsync(new Uri("/api/v1/catalogues/procedures/dang-ky-khai-sinh", UriKind.Relative));

        var procedure = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(("Đăng ký khai sinh", "1.001193", "Hộ tịch"), (procedure.GetProperty("name").GetString(), procedure.GetProperty("nationalCode").GetString(), procedure.GetProperty("sector").GetProperty("name").GetString()));
        Assert.Equal("UBND phường Cam Đường", procedure.GetProperty("agencies")[0].GetProperty("name").GetString());
        var @case = procedure.GetProperty("cases")[0];
        var limits = @case.GetProperty("timeLimits").EnumerateArray().Select(t => (t.GetProperty("channel").GetString(), t.GetProperty("value").GetDecimal(), t.GetProperty("unit").GetString(), t.GetProperty("sameDay").GetBoolean())).ToList();
        Assert.Equal([("counter", 1m, "working-days", true), ("online", 1m, "working-days", true)], limits);
        Assert.Equal(8000m, @case.GetProperty("fees")[0].GetProperty("amount").GetDecimal());
        var component = @case.GetProperty("components")[1];
        Assert.Equal(("giay-to-tuy-than", 0, 1), (component.GetProperty("code").GetString(), component.GetProperty("originals").GetInt32(), component.GetProperty("copies").GetInt32()));
    }

    [Fact]
    public async Task Store_Draft_IsHiddenUntilPublishedThenWithdrawalHidesIt()
    {
        using var designer = await fixture.DesignerAsync();
        using var anonymous = fixture.Anonymous();
        var document = ProcedureFixtures.Document("chung-thuc-ban-sao", "Chứng thực bản sao từ bản chính", nationalCode: "2.000815", sector: "chung-thuc");

        using var stored = await designer.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), Json(document));
        var draft = await ApiAssert.JsonAsync(stored, HttpStatusCode.Created);
        Assert.Equal(("draft", 1), (draft.GetProperty("status").GetString(), draft.GetProperty("version").GetInt32()));
        Assert.DoesNotContain("chung-thuc-ban-sao", await ProcedureSearchTests.SearchAsync(anonymous, "q=chung%20thuc%20ban%20sao"));

        using var published = await designer.PostAsync(new Uri("/api/v1/procedures/chung-thuc-ban-sao/versions/1/publish", UriKind.Relative), null);
        Assert.Equal("published", (await ApiAssert.JsonAsync(published, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("chung-thuc-ban-sao", (await ProcedureSearchTests.SearchAsync(anonymous, "q=chung%20thuc%20ban%20sao"))[0]);

        using var withdrawn = await designer.PostAsync(new Uri("/api/v1/procedures/chung-thuc-ban-sao/versions/1/withdraw", UriKind.Relative), null);
        Assert.Equal("withdrawn", (await ApiAssert.JsonAsync(withdrawn, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.DoesNotContain("chung-thuc-ban-sao", await ProcedureSearchTests.SearchAsync(anonymous, "q=chung%20thuc%20ban%20sao"));
        using var details = await anonymous.GetAsync(new Uri("/api/v1/catalogues/procedures/chung-thuc-ban-sao", UriKind.Relative));
        await ApiAssert.ProblemAsync(details, HttpStatusCode.NotFound);
        var audit = await fixture.QueryAsync(db => db.AuditLog.Where(e => e.TargetId == "chung-thuc-ban-sao").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal([CatalogueAuditActions.ProcedureStored, CatalogueAuditActions.ProcedurePublished, CatalogueAuditActions.ProcedureWithdrawn], audit);
    }

    [Fact]
    public async Task Get_AsOf_ReturnsTheVersionInForceThatDay()
    {
        using var designer = await fixture.DesignerAsync();
        await StoreAndPublishAsync(designer, ProcedureFixtures.Document("dang-ky-ket-hon", "Đăng ký kết hôn", nationalCode: "1.000894", effectiveFrom: "2025-07-01", days: 5));
        await StoreAndPublishAsync(designer, ProcedureFixtures.Document("dang-ky-ket-hon", "Đăng ký kết hôn", nationalCode: "1.000894", effectiveFrom: "2025-09-01", days: 3));
        using var anonymous = fixture.Anonymous();

        var august = await LimitAsync(anonymous, "/api/v1/catalogues/procedures/dang-ky-ket-hon?asOf=2025-08-15");
        var september = await LimitAsync(anonymous, "/api/v1/catalogues/procedures/dang-ky-ket-hon?asOf=2025-09-01");
        using var june = await anonymous.GetAsync(new Uri("/api/v1/catalogues/procedures/dang-ky-ket-hon?asOf=2025-06-30", UriKind.Relative));

        Assert.Equal((1, 5m), august);
        Assert.Equal((2, 3m), september);
        await ApiAssert.ProblemAsync(june, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Store_SameContentTwice_KeepsOneVersion()
    {
        using var designer = await fixture.DesignerAsync();
        var document = ProcedureFixtures.Document("dang-ky-khai-tu", "Đăng ký khai tử", nationalCode: "1.000656");

        using var first = await designer.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), Json(document));
        using var second = await designer.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), Json(document));

        await ApiAssert.JsonAsync(first, HttpStatusCode.Created);
        Assert.Equal(1, (await ApiAssert.JsonAsync(second, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Equal(1, await fixture.QueryAsync(db => db.ProcedureVersions.CountAsync(v => v.ProcedureKey == "dang-ky-khai-tu")));
    }

    [Fact]
    public async Task Store_UnknownSectorAgencyAndDocumentType_NamesEachPathAndStoresNothing()
    {
        using var designer = await fixture.DesignerAsync();
        var document = ProcedureFixtures.Document("thu-tuc-sai-ma", "Thủ tục sai mã", sector: "khong-co", agency: "000.99.99.H99");
        document["cases"]![0]!["components"]![0]!["documentType"] = "khong-co";

        using var response = await designer.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), Json(document));

        await ApiAssert.ValidationProblemAsync(response, "$.sectorCode", "$.agencies[0]", "$.cases[0].components[0].documentType");
        Assert.False(await fixture.QueryAsync(db => db.Procedures.AnyAsync(p => p.Key == "thu-tuc-sai-ma")));
    }

    [Fact]
    public async Task Store_UnknownPropertyMissingPropertyAndBadValues_NamesEachPath()
    {
        using var designer = await fixture.DesignerAsync();
        var document = ProcedureFixtures.Document("thu-tuc-sai-dang", "Thủ tục sai dạng");
        document["cases"]![0]!["components"]![1]!["colour"] = "xanh";
        document.Remove("result");

        using var response = await designer.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), Json(document));

        await ApiAssert.ValidationProblemAsync(response, "$.cases[0].components[1].colour", "$.result");
    }

    [Fact]
    public async Task Store_RuleViolations_NamesEachPath()
    {
        using var designer = await fixture.DesignerAsync();
        var document = ProcedureFixtures.Document("thu-tuc-sai-quy-tac", "Thủ tục sai quy tắc", level: "village");
        var limits = document["cases"]![0]!["timeLimits"]!.AsArray();
        limits[1]!["channel"] = "counter";
        limits[0]!["unit"] = "fortnights";

        using var response = await designer.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), Json(document));

        await ApiAssert.ValidationProblemAsync(response, "$.level", "$.cases[0].timeLimits", "$.cases[0].timeLimits[0].unit", "$.cases[0].fees[0].channels");
    }

    [Fact]
    public async Task Store_NotJson_IsValidationProblem()
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await designer.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), new StringContent("{\"key\": ", Encoding.UTF8, "application/json"));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Publish_PublishedVersion_IsConflict()
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await designer.PostAsync(new Uri("/api/v1/procedures/dang-ky-khai-sinh/versions/1/publish", UriKind.Relative), null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Store_AsSpecialist_IsForbidden()
    {
        using var specialist = await fixture.SpecialistAsync();

        using var response = await specialist.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), Json(ProcedureFixtures.Document("khong-duoc", "Không được")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task StoreAndPublishAsync(HttpClient designer, JsonObject document)
    {
        using var stored = await designer.PostAsync(new Uri("/api/v1/procedures", UriKind.Relative), Json(document));
        var version = (await ApiAssert.JsonAsync(stored, HttpStatusCode.Created)).GetProperty("version").GetInt32();
        using var published = await designer.PostAsync(new Uri($"/api/v1/procedures/{document["key"]}/versions/{version}/publish", UriKind.Relative), null);
        await ApiAssert.JsonAsync(published, HttpStatusCode.OK);
    }

    private static async Task<(int Version, decimal Days)> LimitAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var procedure = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        return (procedure.GetProperty("version").GetInt32(), procedure.GetProperty("cases")[0].GetProperty("timeLimits")[0].GetProperty("value").GetDecimal());
    }

    private static StringContent Json(JsonObject document) => new(document.ToJsonString(), Encoding.UTF8, "application/json");
}
