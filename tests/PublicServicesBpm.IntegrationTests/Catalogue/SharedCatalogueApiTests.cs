using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Catalogue;
using PublicServicesBpm.IntegrationTests.Identity;

namespace PublicServicesBpm.IntegrationTests.Catalogue;

/// <summary>The shared catalogues (H2): seed, reads as of a date, changes with history, import and export, bad input.</summary>
public sealed class SharedCatalogueApiTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    [Fact]
    public async Task Seed_EmptyDatabase_Has34ProvincesTodayAndTheAgenciesOfficeHours()
    {
        using var client = fixture.Anonymous();

        var provinces = await ListAsync(client, "/api/v1/catalogues/administrative-units?asOf=2025-07-01");
        var agencies = await ListAsync(client, "/api/v1/catalogues/agencies");

        Assert.Equal(34, provinces.Count(p => p.GetProperty("level").GetString() == "province"));
        var commune = Assert.Single(agencies, a => a.GetProperty("code").GetString() == ProcedureFixtures.Commune);
        Assert.Equal(["07:30-11:30", "13:30-17:00"], commune.GetProperty("weekdayHours").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("commune", commune.GetProperty("administrativeLevel").GetString());
        var head = await fixture.QueryAsync(db => db.Agencies.SingleAsync(a => a.Code == ProcedureFixtures.Commune));
        Assert.Equal(["07:30-11:30", "13:30-17:00"], head.WeekdayHours!);
        Assert.Equal("15", head.ProvinceCode);
    }

    [Fact]
    public async Task List_AsOfBeforeTheReform_ShowsThePreReformProvinces()
    {
        using var client = fixture.Anonymous();

        var before = await ListAsync(client, "/api/v1/catalogues/administrative-units?asOf=2025-06-30");
        var after = await ListAsync(client, "/api/v1/catalogues/administrative-units?asOf=2025-07-01");

        Assert.Equal("Tỉnh Yên Bái", NameOf(before, "15"));
        Assert.Equal("Tỉnh Lào Cai (trước sắp xếp 2025)", NameOf(before, "10"));
        Assert.Equal("Tỉnh Lào Cai", NameOf(after, "15"));
        Assert.DoesNotContain(after, u => u.GetProperty("code").GetString() == "10");
    }

    [Fact]
    public async Task List_Parent_GivesTheCommunesOfAProvince()
    {
        using var client = fixture.Anonymous();

        var communes = await ListAsync(client, "/api/v1/catalogues/administrative-units?parent=15");

        Assert.Contains(communes, c => c.GetProperty("name").GetString() == "Phường Cam Đường");
        Assert.All(communes, c => Assert.Equal("15", c.GetProperty("parentCode").GetString()));
    }

    [Fact]
    public async Task Change_Sector_ClosesTheOpenPeriodAndKeepsTheOldNameForPastDates()
    {
        using var admin = await fixture.AdministratorAsync();
        using var anonymous = fixture.Anonymous();

        using var response = await admin.PutAsync(new Uri("/api/v1/admin/catalogues/sectors/bao-tro-xa-hoi", UriKind.Relative),
            Body("""{"name":"Bảo trợ xã hội và trẻ em","nameEn":"Social protection and children","validFrom":"2026-01-01"}"""));

        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal((1, 1), (result.GetProperty("added").GetInt32(), result.GetProperty("closed").GetInt32()));
        var history = await ListAsync(anonymous, "/api/v1/catalogues/sectors/bao-tro-xa-hoi/history");
        Assert.Equal([("2015-01-01", "2026-01-01"), ("2026-01-01", null)], history.Select(h => (h.GetProperty("validFrom").GetString(), h.GetProperty("validUntil").GetString())));
        Assert.Equal("Bảo trợ xã hội", NameOf(await ListAsync(anonymous, "/api/v1/catalogues/sectors?asOf=2025-12-31"), "bao-tro-xa-hoi"));
        Assert.Equal("Bảo trợ xã hội và trẻ em", NameOf(await ListAsync(anonymous, "/api/v1/catalogues/sectors?asOf=2026-01-01"), "bao-tro-xa-hoi"));
        var entry = await fixture.QueryAsync(db => db.AuditLog.SingleAsync(e => e.TargetType == "sectors" && e.TargetId == "bao-tro-xa-hoi"));
        Assert.Equal(CatalogueAuditActions.EntryChanged, entry.Action);
    }

    [Fact]
    public async Task Change_TakingEffectBeforeTheOpenPeriod_IsRefused()
    {
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.PutAsync(new Uri("/api/v1/admin/catalogues/sectors/dat-dai", UriKind.Relative),
            Body("""{"name":"Đất đai (cũ)","validFrom":"2014-01-01"}"""));

        await ApiAssert.ValidationProblemAsync(response, "validFrom");
    }

    [Fact]
    public async Task Import_CsvWithUnknownParentAndOverlappingPeriods_NamesRowAndFieldAndStoresNothing()
    {
        using var admin = await fixture.AdministratorAsync();
        const string csv = """
            code,name,nameEn,validFrom,validUntil,level,parentCode
            15099,Xã Hợp Lệ,,2025-07-01,,commune,15
            15098,Xã Mồ Côi,,2025-07-01,,commune,77
            15001,Phường Lào Cai trùng,,2025-08-01,,commune,15
            15097,Xã Sai Ngày,,2025-02-30,,commune,15
            """;

        using var response = await admin.PostAsync(new Uri("/api/v1/admin/catalogues/administrative-units/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

        await ApiAssert.ValidationProblemAsync(response, "rows[2].parentCode", "rows[3].validFrom", "rows[4].validFrom");
        Assert.False(await fixture.QueryAsync(db => db.AdministrativeUnits.AnyAsync(u => u.Code == "15099")));
    }

    [Fact]
    public async Task Import_OverlappingRowsInOneFile_NamesTheSecondRow()
    {
        using var admin = await fixture.AdministratorAsync();
        const string json = """
            [ { "code": "giay-to-moi", "name": "Giấy tờ mới", "validFrom": "2025-01-01" },
              { "code": "giay-to-moi", "name": "Giấy tờ mới hơn", "validFrom": "2025-06-01", "validUntil": null } ]
            """;

        using var response = await admin.PostAsync(new Uri("/api/v1/admin/catalogues/document-types/import", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ApiAssert.ValidationProblemAsync(response, "rows[2].validFrom");
        Assert.Contains("row 1", problem.GetProperty("errors").GetProperty("rows[2].validFrom")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/csv", "code,name,validFrom\n\"unclosed,Tên,2025-01-01\n")]
    [InlineData("text/csv", "code,name,validFrom\na,b\n")]
    [InlineData("application/json", "[{\"code\": \"x\", ")]
    [InlineData("application/json", "{\"code\": \"x\"}")]
    [InlineData("application/json", "[{\"code\": {\"nested\": true}}]")]
    public async Task Import_MalformedBody_IsValidationProblemOnTheBody(string mediaType, string body)
    {
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.PostAsync(new Uri("/api/v1/admin/catalogues/sectors/import", UriKind.Relative), new StringContent(body, Encoding.UTF8, mediaType));

        await ApiAssert.ValidationProblemAsync(response, "body");
    }

    [Fact]
    public async Task Import_UnknownColumnAndBadOfficeHours_NamesThem()
    {
        using var admin = await fixture.AdministratorAsync();
        const string csv = """
            code,name,validFrom,parentCode,administrativeLevel,provinceCode,weekdayHours,saturdayHours,fax
            000.21.90.H38,UBND xã Thử,2025-07-01,000.00.00.H38,commune,15,13:00-11:00,,0214
            """;

        using var response = await admin.PostAsync(new Uri("/api/v1/admin/catalogues/agencies/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

        await ApiAssert.ValidationProblemAsync(response, "rows[1].fax", "rows[1].weekdayHours");
    }

    [Fact]
    public async Task Import_NewAgency_CreatesItsAgencyRowThatGrantsAndTheCalendarUse()
    {
        using var admin = await fixture.AdministratorAsync();
        const string csv = """
            code,name,validFrom,parentCode,administrativeLevel,provinceCode,address,weekdayHours,saturdayHours
            000.21.91.H38,UBND xã Mới,2025-07-01,000.00.00.H38,commune,15,"Thôn 1, xã Mới",07:00-11:00;13:00-16:30,07:30-11:30
            """;

        using var response = await admin.PostAsync(new Uri("/api/v1/admin/catalogues/agencies/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(1, (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("added").GetInt32());
        var agency = await fixture.QueryAsync(db => db.Agencies.SingleAsync(a => a.Code == "000.21.91.H38"));
        Assert.Equal(("UBND xã Mới", "Thôn 1, xã Mới", "000.00.00.H38"), (agency.Name, agency.Address, agency.ParentCode));
        Assert.Equal(["07:00-11:00", "13:00-16:30"], agency.WeekdayHours!);
        Assert.Equal(["07:30-11:30"], agency.SaturdayHours!);
    }

    [Fact]
    public async Task End_Agency_MarksItDissolvedAndHidesItAfterThatDay()
    {
        using var admin = await fixture.AdministratorAsync();
        using var anonymous = fixture.Anonymous();

        using var response = await admin.PostAsync(new Uri("/api/v1/admin/catalogues/agencies/000.21.34.H38/end", UriKind.Relative), Body("""{"validUntil":"2025-12-01"}"""));

        await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Contains(await ListAsync(anonymous, "/api/v1/catalogues/agencies?asOf=2025-11-30"), a => a.GetProperty("code").GetString() == "000.21.34.H38");
        Assert.DoesNotContain(await ListAsync(anonymous, "/api/v1/catalogues/agencies?asOf=2025-12-01"), a => a.GetProperty("code").GetString() == "000.21.34.H38");
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("json", "application/json")]
    public async Task ExportThenImport_SameFile_ChangesNothing(string format, string mediaType)
    {
        using var admin = await fixture.AdministratorAsync();
        using var export = await admin.GetAsync(new Uri($"/api/v1/admin/catalogues/agencies/export?format={format}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var text = await export.Content.ReadAsStringAsync();
        var before = await fixture.QueryAsync(db => db.AgencyPeriods.CountAsync());

        using var import = await admin.PostAsync(new Uri("/api/v1/admin/catalogues/agencies/import", UriKind.Relative), new StringContent(text, Encoding.UTF8, mediaType));

        var result = await ApiAssert.JsonAsync(import, HttpStatusCode.OK);
        Assert.Equal((0, before), (result.GetProperty("added").GetInt32(), result.GetProperty("unchanged").GetInt32()));
        Assert.Contains("Cam Đường", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_ImportedIntoAnotherCatalogueState_RecreatesTheSamePeriods()
    {
        using var admin = await fixture.AdministratorAsync();
        using var export = await admin.GetAsync(new Uri("/api/v1/admin/catalogues/document-types/export?format=csv", UriKind.Relative));
        var csv = await export.Content.ReadAsStringAsync();
        var rows = CatalogueRows.FromCsv(csv);

        // The exported rows read back to the stored periods, field for field.
        var stored = await fixture.QueryAsync(db => db.DocumentTypes.OrderBy(p => p.Code).ThenBy(p => p.ValidFrom).ToListAsync());
        Assert.Equal(stored.Select(p => (p.Code, p.Name, p.NameEn)), rows.Select(r => (r["code"]!, r["name"]!, r["nameEn"])));
        Assert.Contains(rows, r => r["name"] == "Giấy tờ tùy thân (thẻ căn cước, hộ chiếu)");
    }

    [Fact]
    public async Task AdminEndpoints_AsSpecialist_AreForbidden_AndAnonymousUnauthorized()
    {
        using var specialist = await fixture.SpecialistAsync();
        using var anonymous = fixture.Anonymous();

        using var forbidden = await specialist.GetAsync(new Uri("/api/v1/admin/catalogues/sectors/export", UriKind.Relative));
        using var unauthorized = await anonymous.PostAsync(new Uri("/api/v1/admin/catalogues/sectors/import", UriKind.Relative), new StringContent("code,name,validFrom\n", Encoding.UTF8, "text/csv"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (forbidden.StatusCode, unauthorized.StatusCode));
    }

    [Fact]
    public async Task List_UnknownCatalogueOrBadDate_IsProblem()
    {
        using var client = fixture.Anonymous();

        using var unknown = await client.GetAsync(new Uri("/api/v1/catalogues/planets", UriKind.Relative));
        using var badDate = await client.GetAsync(new Uri("/api/v1/catalogues/sectors?asOf=yesterday", UriKind.Relative));

        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await ApiAssert.ValidationProblemAsync(badDate, "asOf");
    }

    private static async Task<List<System.Text.Json.JsonElement>> ListAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();
    }

    private static string? NameOf(IEnumerable<System.Text.Json.JsonElement> entries, string code) =>
        entries.Single(e => e.GetProperty("code").GetString() == code).GetProperty("name").GetString();

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
