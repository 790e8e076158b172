using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

public sealed class AccountsApiTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Accounts = "/api/v1/admin/accounts";

    [Fact]
    public async Task Create_ValidRequest_Returns201WithTemporaryPasswordOnceAndOneAuditEntry()
    {
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.PostAsync(Relative(Accounts), ApiJson.Body(new
        {
            userName = "nguyen.van.an",
            fullName = "Nguyễn Văn An",
            email = "an.nv@example.gov.vn",
            phoneNumber = "+84 912 345 678",
        }));

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        var account = body.GetProperty("account");
        var id = account.GetProperty("id").GetGuid();
        var password = body.GetProperty("temporaryPassword").GetString()!;
        Assert.Equal($"{Accounts}/{id:D}", response.Headers.Location?.OriginalString);
        Assert.True(account.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal("active", account.GetProperty("status").GetString());
        Assert.True(password.Length >= 12);
        var entry = ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.AccountCreated, fixture.AdministratorId);
        Assert.Equal(id.ToString("D"), entry.TargetId);
        Assert.DoesNotContain(password, entry.Canonical, StringComparison.Ordinal);
        // The password works, and is not shown again.
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(id.ToString("D")))!, password));
        }
        using var read = await admin.GetAsync(Relative($"{Accounts}/{id:D}"));
        var text = await read.Content.ReadAsStringAsync();
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("temporaryPassword", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateUserName_Returns409Problem()
    {
        using var admin = await fixture.AdministratorAsync();
        using var first = await admin.PostAsync(Relative(Accounts), ApiJson.Body(new { userName = "trung.ten", fullName = "A", email = "a1@example.gov.vn" }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var position = await fixture.AuditPositionAsync();

        using var second = await admin.PostAsync(Relative(Accounts), ApiJson.Body(new { userName = "trung.ten", fullName = "B", email = "b1@example.gov.vn" }));

        var problem = await ApiAssert.ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("UserNameTaken", problem.GetProperty("code").GetString());
        Assert.Empty(await fixture.AuditSinceAsync(position));
    }

    [Fact]
    public async Task Create_DuplicateEmail_Returns409Problem()
    {
        using var admin = await fixture.AdministratorAsync();
        using var first = await admin.PostAsync(Relative(Accounts), ApiJson.Body(new { userName = "email.one", fullName = "A", email = "same@example.gov.vn" }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await admin.PostAsync(Relative(Accounts), ApiJson.Body(new { userName = "email.two", fullName = "B", email = "SAME@example.gov.vn" }));

        var problem = await ApiAssert.ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("EmailTaken", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_InvalidAndOversizedFields_Returns400ValidationProblemNamingEachField()
    {
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.PostAsync(Relative(Accounts), ApiJson.Body(new
        {
            userName = "Bad Name!",
            fullName = new string('x', 201),
            email = "not-an-email",
            phoneNumber = "call me",
        }));

        await ApiAssert.ValidationProblemAsync(response, "userName", "fullName", "email", "phoneNumber");
    }

    [Fact]
    public async Task Create_MissingFieldsAndTooLongUserName_Returns400ValidationProblem()
    {
        using var admin = await fixture.AdministratorAsync();

        using var missing = await admin.PostAsync(Relative(Accounts), ApiJson.Body(new { }));
        using var tooLong = await admin.PostAsync(Relative(Accounts), ApiJson.Body(new { userName = new string('a', 65), fullName = "A", email = new string('e', 250) + "@example.gov.vn" }));

        await ApiAssert.ValidationProblemAsync(missing, "userName", "fullName", "email");
        await ApiAssert.ValidationProblemAsync(tooLong, "userName", "email");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"userName\": 42}")]
    [InlineData("")]
    public async Task Create_MalformedJson_Returns400Problem(string json)
    {
        using var admin = await fixture.AdministratorAsync();
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await admin.PostAsync(Relative(Accounts), content);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var admin = await fixture.AdministratorAsync();

        using var unknown = await admin.GetAsync(Relative($"{Accounts}/{Guid.NewGuid():D}"));
        using var notAGuid = await admin.GetAsync(Relative($"{Accounts}/not-a-guid"));

        var problem = await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal("AccountNotFound", problem.GetProperty("code").GetString());
        await ApiAssert.ProblemAsync(notAGuid, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_ExistingAccount_ShowsContactDetailsAndRecordsPersonalDataRead()
    {
        var officer = await fixture.CreateOfficerAsync("doc.du.lieu", "Đọc Dữ Liệu", (OfficerRole.Specialist, ApiHostFixture.AgencyA));
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.GetAsync(Relative($"{Accounts}/{officer:D}"));

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("doc.du.lieu@example.gov.vn", body.GetProperty("email").GetString());
        var entry = ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.PersonalDataRead, fixture.AdministratorId);
        Assert.Equal(officer.ToString("D"), entry.TargetId);
    }

    [Fact]
    public async Task Update_ChangesContactDetails_AuditsFieldNamesOnly()
    {
        var officer = await fixture.CreateOfficerAsync("cap.nhat", "Cập Nhật", (OfficerRole.Clerk, ApiHostFixture.AgencyA));
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.PutAsync(Relative($"{Accounts}/{officer:D}"), ApiJson.Body(new { fullName = "Cập Nhật Mới", email = "moi@example.gov.vn", phoneNumber = "0243 123 4567" }));

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("Cập Nhật Mới", body.GetProperty("fullName").GetString());
        Assert.Equal("moi@example.gov.vn", body.GetProperty("email").GetString());
        var entry = ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.AccountUpdated, fixture.AdministratorId);
        Assert.Contains("fullName", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("moi@example.gov.vn", entry.Canonical, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_UnknownAccount_Returns404_AndInvalidEmail_Returns400()
    {
        var officer = await fixture.CreateOfficerAsync("cap.nhat.sai", "Cập Nhật Sai");
        using var admin = await fixture.AdministratorAsync();

        using var unknown = await admin.PutAsync(Relative($"{Accounts}/{Guid.NewGuid():D}"), ApiJson.Body(new { fullName = "X", email = "x@example.gov.vn" }));
        using var invalid = await admin.PutAsync(Relative($"{Accounts}/{officer:D}"), ApiJson.Body(new { fullName = " ", email = "x@" }));

        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await ApiAssert.ValidationProblemAsync(invalid, "fullName", "email");
    }

    [Fact]
    public async Task Disable_SignedInOfficer_LosesAccessAtOnceAndSessionStampChanges_EnableRestores()
    {
        var officer = await fixture.CreateOfficerAsync("bi.khoa", "Bị Khóa", (OfficerRole.Specialist, ApiHostFixture.AgencyA));
        using var session = await fixture.SignInOfficerAsync(officer);
        using (var before = await session.GetAsync(Relative("/api/v1/agencies")))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        var stamp = await fixture.QueryAsync(db => db.Users.Where(u => u.Id == officer).Select(u => u.SecurityStamp).SingleAsync());
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var disabled = await admin.PostAsync(Relative($"{Accounts}/{officer:D}/disable"), content: null);

        Assert.Equal("disabled", (await ApiAssert.JsonAsync(disabled, HttpStatusCode.OK)).GetProperty("status").GetString());
        ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.AccountDisabled, fixture.AdministratorId);
        var stored = await fixture.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == officer));
        Assert.NotNull(stored.DisabledAt);
        Assert.Equal(DateTimeOffset.MaxValue.Year, stored.LockoutEnd?.Year);
        Assert.NotEqual(stamp, stored.SecurityStamp);
        using (var after = await session.GetAsync(Relative("/api/v1/agencies")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        }

        position = await fixture.AuditPositionAsync();
        using var enabled = await admin.PostAsync(Relative($"{Accounts}/{officer:D}/enable"), content: null);

        Assert.Equal("active", (await ApiAssert.JsonAsync(enabled, HttpStatusCode.OK)).GetProperty("status").GetString());
        ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.AccountEnabled, fixture.AdministratorId);
        Assert.Null((await fixture.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == officer))).LockoutEnd);
    }

    [Fact]
    public async Task Disable_Self_Returns409AndChangesNothing()
    {
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.PostAsync(Relative($"{Accounts}/{fixture.AdministratorId:D}/disable"), content: null);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("CannotDisableSelf", problem.GetProperty("code").GetString());
        Assert.Empty(await fixture.AuditSinceAsync(position));
        Assert.Null(await fixture.QueryAsync(db => db.Users.Where(u => u.Id == fixture.AdministratorId).Select(u => u.DisabledAt).SingleAsync()));
    }

    [Fact]
    public async Task DisableTwice_And_EnableActive_Return409_UnknownReturns404()
    {
        var officer = await fixture.CreateOfficerAsync("khoa.hai.lan", "Khóa Hai Lần");
        using var admin = await fixture.AdministratorAsync();

        using var notDisabled = await admin.PostAsync(Relative($"{Accounts}/{officer:D}/enable"), content: null);
        using var first = await admin.PostAsync(Relative($"{Accounts}/{officer:D}/disable"), content: null);
        using var second = await admin.PostAsync(Relative($"{Accounts}/{officer:D}/disable"), content: null);
        using var unknown = await admin.PostAsync(Relative($"{Accounts}/{Guid.NewGuid():D}/disable"), content: null);

        Assert.Equal("NotDisabled", (await ApiAssert.ProblemAsync(notDisabled, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("AlreadyDisabled", (await ApiAssert.ProblemAsync(second, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ResetPassword_GivesNewTemporaryPassword_MustChange_StampChanges()
    {
        var officer = await fixture.CreateOfficerAsync("quen.mat.khau", "Quên Mật Khẩu", (OfficerRole.Clerk, ApiHostFixture.AgencyA));
        var stamp = await fixture.QueryAsync(db => db.Users.Where(u => u.Id == officer).Select(u => u.SecurityStamp).SingleAsync());
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.PostAsync(Relative($"{Accounts}/{officer:D}/reset-password"), content: null);

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var password = body.GetProperty("temporaryPassword").GetString()!;
        Assert.True(body.GetProperty("account").GetProperty("mustChangePassword").GetBoolean());
        ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.PasswordReset, fixture.AdministratorId);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var account = (await users.FindByIdAsync(officer.ToString("D")))!;
        Assert.True(await users.CheckPasswordAsync(account, password));
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.True(account.MustChangePassword);
    }

    [Fact]
    public async Task List_Text_IgnoresCaseAndVietnameseDiacritics()
    {
        var id = await fixture.CreateOfficerAsync("pham.thi.dung", "Phạm Thị Dũng", (OfficerRole.Specialist, ApiHostFixture.AgencyB));
        await fixture.CreateOfficerAsync("pham.van.khac", "Phạm Văn Khắc", (OfficerRole.Specialist, ApiHostFixture.AgencyB));
        using var admin = await fixture.AdministratorAsync();

        foreach (var text in new[] { "pham thi dung", "PHẠM THỊ", "thi dung", "Dũng", "pham.thi.dung@example" })
        {
            using var response = await admin.GetAsync(Relative($"{Accounts}?text={Uri.EscapeDataString(text)}"));
            var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
            var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            Assert.True(ids.SequenceEqual([id]), $"'{text}' found {ids.Count} accounts");
        }
        using var wildcard = await admin.GetAsync(Relative($"{Accounts}?text={Uri.EscapeDataString("%")}"));
        Assert.Equal(0, (await ApiAssert.JsonAsync(wildcard, HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_FiltersByAgencyRoleAndStatus_AndPages()
    {
        var oneStop = await fixture.CreateOfficerAsync("loc.mot.cua", "Lọc Một Cửa", (OfficerRole.OneStopOfficer, ApiHostFixture.AgencyC));
        var specialist = await fixture.CreateOfficerAsync("loc.chuyen.vien", "Lọc Chuyên Viên", (OfficerRole.Specialist, ApiHostFixture.AgencyC));
        var disabled = await fixture.CreateOfficerAsync("loc.bi.khoa", "Lọc Bị Khóa", (OfficerRole.Specialist, ApiHostFixture.AgencyC));
        using var admin = await fixture.AdministratorAsync();
        using (var disable = await admin.PostAsync(Relative($"{Accounts}/{disabled:D}/disable"), content: null))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        }

        Assert.Equal(new[] { oneStop, specialist, disabled }.Order(), (await IdsAsync(admin, $"agencyCode={ApiHostFixture.AgencyC}")).Order());
        Assert.Equal(new[] { specialist, disabled }.Order(), (await IdsAsync(admin, $"agencyCode={ApiHostFixture.AgencyC}&role={OfficerRole.Specialist}")).Order());
        Assert.Equal([specialist], await IdsAsync(admin, $"agencyCode={ApiHostFixture.AgencyC}&role={OfficerRole.Specialist}&status=active"));
        Assert.Equal([disabled], await IdsAsync(admin, $"agencyCode={ApiHostFixture.AgencyC}&status=disabled"));
        using var page = await admin.GetAsync(Relative($"{Accounts}?agencyCode={ApiHostFixture.AgencyC}&page=2&pageSize=2"));
        var body = await ApiAssert.JsonAsync(page, HttpStatusCode.OK);
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        Assert.Single(body.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task List_ShowsNoContactDetails()
    {
        await fixture.CreateOfficerAsync("khong.lo", "Không Lộ", (OfficerRole.Clerk, ApiHostFixture.AgencyA));
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.GetAsync(Relative($"{Accounts}?text=khong.lo"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("khong.lo", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.gov.vn", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("role=chief", "role")]
    [InlineData("status=deleted", "status")]
    public async Task List_InvalidFilter_Returns400ValidationProblem(string query, string field)
    {
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.GetAsync(Relative($"{Accounts}?{query}"));

        await ApiAssert.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAdministrationOperations()
    {
        using var client = fixture.Anonymous();

        using var document = JsonDocument.Parse(await client.GetStringAsync(Relative("/openapi/v1.json")));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { Accounts, Accounts + "/{id}", Accounts + "/{id}/grants", Accounts + "/{id}/transfer", "/api/v1/admin/clients", "/api/v1/identity/me", "/api/v1/agencies" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
        var create = paths.GetProperty(Accounts).GetProperty("post");
        Assert.False(string.IsNullOrEmpty(create.GetProperty("summary").GetString()));
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("409", out _));
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(Relative($"{Accounts}?{query}"));
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);
}
