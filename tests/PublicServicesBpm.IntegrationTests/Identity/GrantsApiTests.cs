using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

public sealed class GrantsApiTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Add_ValidGrant_Returns201ActiveFromNow_GivesAccessAndAuditsOnce()
    {
        var officer = await fixture.CreateOfficerAsync("moi.cap.quyen", "Mới Cấp Quyền");
        using var session = await fixture.SignInOfficerAsync(officer);
        using (var before = await session.GetAsync(Relative("/api/v1/agencies")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();
        var start = DateTimeOffset.UtcNow;

        using var response = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.OneStopOfficer, agencyCode = ApiHostFixture.AgencyA }));

        var grant = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("active", grant.GetProperty("status").GetString());
        Assert.Equal(ApiHostFixture.AgencyAName, grant.GetProperty("agencyName").GetString());
        Assert.InRange(grant.GetProperty("validFrom").GetDateTimeOffset(), start.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(JsonValueKind.Null, grant.GetProperty("validUntil").ValueKind);
        Assert.Equal(fixture.AdministratorId, grant.GetProperty("grantedBy").GetGuid());
        ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.GrantAdded, fixture.AdministratorId);
        using var after = await session.GetAsync(Relative("/api/v1/agencies"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Add_UnknownRole_NonexistentAgency_Returns400NamingTheFields()
    {
        var officer = await fixture.CreateOfficerAsync("sai.vai.tro", "Sai Vai Trò");
        using var admin = await fixture.AdministratorAsync();

        using var unknownRole = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = "king", agencyCode = ApiHostFixture.AgencyA }));
        using var unknownAgency = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Clerk, agencyCode = "999.99.99.X00" }));
        using var missing = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { }));
        using var oversized = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Clerk, agencyCode = new string('9', 5000) }));

        await ApiAssert.ValidationProblemAsync(unknownRole, "role");
        await ApiAssert.ValidationProblemAsync(unknownAgency, "agencyCode");
        await ApiAssert.ValidationProblemAsync(missing, "role", "agencyCode");
        await ApiAssert.ValidationProblemAsync(oversized, "agencyCode");
        Assert.Equal(0, await fixture.QueryAsync(db => db.RoleGrants.CountAsync(g => g.AccountId == officer)));
    }

    [Fact]
    public async Task Add_ValidUntilBeforeValidFrom_OrStartInThePast_Returns400()
    {
        var officer = await fixture.CreateOfficerAsync("sai.thoi.han", "Sai Thời Hạn");
        using var admin = await fixture.AdministratorAsync();
        var from = DateTimeOffset.UtcNow.AddDays(10);

        using var reversed = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Clerk, agencyCode = ApiHostFixture.AgencyA, validFrom = from, validUntil = from.AddDays(-1) }));
        using var equal = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Clerk, agencyCode = ApiHostFixture.AgencyA, validFrom = from, validUntil = from }));
        using var past = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Clerk, agencyCode = ApiHostFixture.AgencyA, validFrom = DateTimeOffset.UtcNow.AddDays(-3) }));
        using var notADate = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Clerk, agencyCode = ApiHostFixture.AgencyA, validFrom = "tomorrow" }));

        await ApiAssert.ValidationProblemAsync(reversed, "validUntil");
        await ApiAssert.ValidationProblemAsync(equal, "validUntil");
        await ApiAssert.ValidationProblemAsync(past, "validFrom");
        await ApiAssert.ProblemAsync(notADate, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Add_ScheduledGrant_IsScheduledAndGivesNoAccessYet()
    {
        var officer = await fixture.CreateOfficerAsync("sap.nhan.viec", "Sắp Nhận Việc");
        using var admin = await fixture.AdministratorAsync();
        var from = DateTimeOffset.UtcNow.AddDays(7);

        using var response = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Specialist, agencyCode = ApiHostFixture.AgencyB, validFrom = from, validUntil = from.AddDays(30) }));

        Assert.Equal("scheduled", (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("status").GetString());
        using var session = await fixture.SignInOfficerAsync(officer);
        using var agencies = await session.GetAsync(Relative("/api/v1/agencies"));
        Assert.Equal(HttpStatusCode.Forbidden, agencies.StatusCode);
    }

    [Fact]
    public async Task Add_DuplicateActiveGrant_Returns409_OverlappingPeriodToo()
    {
        var officer = await fixture.CreateOfficerAsync("trung.quyen", "Trùng Quyền", (OfficerRole.Specialist, ApiHostFixture.AgencyA));
        using var admin = await fixture.AdministratorAsync();

        using var same = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Specialist, agencyCode = ApiHostFixture.AgencyA }));
        using var later = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Specialist, agencyCode = ApiHostFixture.AgencyA, validFrom = DateTimeOffset.UtcNow.AddDays(5) }));
        using var otherAgency = await admin.PostAsync(Relative(GrantsOf(officer)), ApiJson.Body(new { role = OfficerRole.Specialist, agencyCode = ApiHostFixture.AgencyB }));

        Assert.Equal("DuplicateGrant", (await ApiAssert.ProblemAsync(same, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await ApiAssert.ProblemAsync(later, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, otherAgency.StatusCode);
    }

    [Fact]
    public async Task Add_UnknownAccount_Returns404()
    {
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.PostAsync(Relative(GrantsOf(Guid.NewGuid())), ApiJson.Body(new { role = OfficerRole.Clerk, agencyCode = ApiHostFixture.AgencyA }));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoke_WithReason_KeepsTheGrantMarkedRevoked_EndsAccessAtOnce_AuditsOnce()
    {
        var officer = await fixture.CreateOfficerAsync("thu.hoi", "Thu Hồi", (OfficerRole.Specialist, ApiHostFixture.AgencyA));
        using var session = await fixture.SignInOfficerAsync(officer);
        using (var before = await session.GetAsync(Relative("/api/v1/agencies")))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        var grantId = await fixture.QueryAsync(db => db.RoleGrants.Where(g => g.AccountId == officer).Select(g => g.Id).SingleAsync());
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.PostAsync(Relative($"{GrantsOf(officer)}/{grantId:D}/revoke"), ApiJson.Body(new { reason = "Nghỉ hưu" }));

        var grant = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("revoked", grant.GetProperty("status").GetString());
        Assert.Equal("Nghỉ hưu", grant.GetProperty("revocationReason").GetString());
        Assert.Equal(fixture.AdministratorId, grant.GetProperty("revokedBy").GetGuid());
        ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.GrantRevoked, fixture.AdministratorId);
        Assert.Equal(1, await fixture.QueryAsync(db => db.RoleGrants.CountAsync(g => g.Id == grantId && g.RevokedAt != null)));
        using var after = await session.GetAsync(Relative("/api/v1/agencies"));
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task Revoke_BadRequests_ReturnTheRightProblems()
    {
        var officer = await fixture.CreateOfficerAsync("thu.hoi.sai", "Thu Hồi Sai", (OfficerRole.Clerk, ApiHostFixture.AgencyA));
        var grantId = await fixture.QueryAsync(db => db.RoleGrants.Where(g => g.AccountId == officer).Select(g => g.Id).SingleAsync());
        using var admin = await fixture.AdministratorAsync();

        using var noReason = await admin.PostAsync(Relative($"{GrantsOf(officer)}/{grantId:D}/revoke"), ApiJson.Body(new { reason = "  " }));
        using var longReason = await admin.PostAsync(Relative($"{GrantsOf(officer)}/{grantId:D}/revoke"), ApiJson.Body(new { reason = new string('r', 501) }));
        using var unknownGrant = await admin.PostAsync(Relative($"{GrantsOf(officer)}/{Guid.NewGuid():D}/revoke"), ApiJson.Body(new { reason = "x" }));
        using var otherAccount = await admin.PostAsync(Relative($"{GrantsOf(fixture.AdministratorId)}/{grantId:D}/revoke"), ApiJson.Body(new { reason = "x" }));
        using var first = await admin.PostAsync(Relative($"{GrantsOf(officer)}/{grantId:D}/revoke"), ApiJson.Body(new { reason = "Điều chuyển" }));
        using var again = await admin.PostAsync(Relative($"{GrantsOf(officer)}/{grantId:D}/revoke"), ApiJson.Body(new { reason = "Lần nữa" }));

        await ApiAssert.ValidationProblemAsync(noReason, "reason");
        await ApiAssert.ValidationProblemAsync(longReason, "reason");
        await ApiAssert.ProblemAsync(unknownGrant, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(otherAccount, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("AlreadyRevoked", (await ApiAssert.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Revoke_OwnAdministratorRole_Returns409()
    {
        var grantId = await fixture.QueryAsync(db => db.RoleGrants
            .Where(g => g.AccountId == fixture.AdministratorId && g.Role == OfficerRole.Administrator).Select(g => g.Id).FirstAsync());
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.PostAsync(Relative($"{GrantsOf(fixture.AdministratorId)}/{grantId:D}/revoke"), ApiJson.Body(new { reason = "oops" }));

        Assert.Equal("CannotRevokeOwnAdministrator", (await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Transfer_Now_RevokesSourceRolesAndCreatesThemAtTarget_InOneAuditedCommand()
    {
        var officer = await fixture.CreateOfficerAsync("dieu.chuyen", "Điều Chuyển",
            (OfficerRole.OneStopOfficer, ApiHostFixture.AgencyA), (OfficerRole.Specialist, ApiHostFixture.AgencyA), (OfficerRole.Clerk, ApiHostFixture.AgencyC));
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.PostAsync(Relative($"/api/v1/admin/accounts/{officer:D}/transfer"),
            ApiJson.Body(new { fromAgencyCode = ApiHostFixture.AgencyA, toAgencyCode = ApiHostFixture.AgencyB }));

        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.All(result.GetProperty("ended").EnumerateArray(), g =>
        {
            Assert.Equal("revoked", g.GetProperty("status").GetString());
            Assert.Equal("transfer", g.GetProperty("revocationReason").GetString());
        });
        Assert.Equal(
            [OfficerRole.OneStopOfficer, OfficerRole.Specialist],
            result.GetProperty("created").EnumerateArray().Select(g => g.GetProperty("role").GetString()).Order());
        Assert.All(result.GetProperty("created").EnumerateArray(), g => Assert.Equal(ApiHostFixture.AgencyB, g.GetProperty("agencyCode").GetString()));
        ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.AccountTransferred, fixture.AdministratorId);
        using var history = await admin.GetAsync(Relative(GrantsOf(officer)));
        var grants = (await ApiAssert.JsonAsync(history, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(5, grants.Count);
        Assert.Equal(3, grants.Count(g => g.GetProperty("status").GetString() == "active"));
        Assert.Contains(grants, g => g.GetProperty("agencyCode").GetString() == ApiHostFixture.AgencyC && g.GetProperty("status").GetString() == "active");
    }

    [Fact]
    public async Task Transfer_Later_EndsSourceRolesThenAndSchedulesTargetRoles()
    {
        var officer = await fixture.CreateOfficerAsync("chuyen.sau", "Chuyển Sau", (OfficerRole.Specialist, ApiHostFixture.AgencyA));
        using var admin = await fixture.AdministratorAsync();
        var effective = DateTimeOffset.UtcNow.AddDays(14);

        using var response = await admin.PostAsync(Relative($"/api/v1/admin/accounts/{officer:D}/transfer"),
            ApiJson.Body(new { fromAgencyCode = ApiHostFixture.AgencyA, toAgencyCode = ApiHostFixture.AgencyB, effectiveAt = effective }));

        var result = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var ended = Assert.Single(result.GetProperty("ended").EnumerateArray());
        Assert.Equal("active", ended.GetProperty("status").GetString());
        Assert.Equal(effective, ended.GetProperty("validUntil").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        var created = Assert.Single(result.GetProperty("created").EnumerateArray());
        Assert.Equal("scheduled", created.GetProperty("status").GetString());
        Assert.Equal(effective, created.GetProperty("validFrom").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        using var session = await fixture.SignInOfficerAsync(officer);
        using var agencies = await session.GetAsync(Relative("/api/v1/agencies"));
        Assert.Equal(HttpStatusCode.OK, agencies.StatusCode);
    }

    [Fact]
    public async Task Transfer_BadRequests_ReturnTheRightProblems()
    {
        var officer = await fixture.CreateOfficerAsync("chuyen.sai", "Chuyển Sai", (OfficerRole.Specialist, ApiHostFixture.AgencyA));
        using var admin = await fixture.AdministratorAsync();
        var path = $"/api/v1/admin/accounts/{officer:D}/transfer";

        using var same = await admin.PostAsync(Relative(path), ApiJson.Body(new { fromAgencyCode = ApiHostFixture.AgencyA, toAgencyCode = ApiHostFixture.AgencyA }));
        using var unknown = await admin.PostAsync(Relative(path), ApiJson.Body(new { fromAgencyCode = ApiHostFixture.AgencyA, toAgencyCode = "nowhere" }));
        using var past = await admin.PostAsync(Relative(path), ApiJson.Body(new { fromAgencyCode = ApiHostFixture.AgencyA, toAgencyCode = ApiHostFixture.AgencyB, effectiveAt = DateTimeOffset.UtcNow.AddDays(-2) }));
        using var nothing = await admin.PostAsync(Relative(path), ApiJson.Body(new { fromAgencyCode = ApiHostFixture.AgencyC, toAgencyCode = ApiHostFixture.AgencyB }));
        using var noAccount = await admin.PostAsync(Relative($"/api/v1/admin/accounts/{Guid.NewGuid():D}/transfer"), ApiJson.Body(new { fromAgencyCode = ApiHostFixture.AgencyA, toAgencyCode = ApiHostFixture.AgencyB }));

        await ApiAssert.ValidationProblemAsync(same, "toAgencyCode");
        await ApiAssert.ValidationProblemAsync(unknown, "toAgencyCode");
        await ApiAssert.ValidationProblemAsync(past, "effectiveAt");
        Assert.Equal("NothingToTransfer", (await ApiAssert.ProblemAsync(nothing, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await ApiAssert.ProblemAsync(noAccount, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_ListsActiveExpiredRevokedAndScheduledGrants()
    {
        var officer = await fixture.CreateOfficerAsync("lich.su", "Lịch Sử", (OfficerRole.Specialist, ApiHostFixture.AgencyA), (OfficerRole.Clerk, ApiHostFixture.AgencyA));
        var now = DateTimeOffset.UtcNow;
        await fixture.WithDatabaseAsync(async db =>
        {
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = officer, Role = OfficerRole.FeeOfficer, AgencyCode = ApiHostFixture.AgencyB, ValidFrom = now.AddDays(-30), ValidUntil = now.AddDays(-1), GrantedAt = now.AddDays(-30) });
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = officer, Role = OfficerRole.UnitLeader, AgencyCode = ApiHostFixture.AgencyB, ValidFrom = now.AddDays(3), GrantedAt = now });
            await db.SaveChangesAsync();
            await db.RoleGrants.Where(g => g.AccountId == officer && g.Role == OfficerRole.Clerk).ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now).SetProperty(g => g.RevocationReason, "test"));
        });
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.GetAsync(Relative(GrantsOf(officer)));
        using var unknown = await admin.GetAsync(Relative(GrantsOf(Guid.NewGuid())));

        var statuses = (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(g => g.GetProperty("role").GetString()!, g => g.GetProperty("status").GetString());
        Assert.Equal("active", statuses[OfficerRole.Specialist]);
        Assert.Equal("revoked", statuses[OfficerRole.Clerk]);
        Assert.Equal("expired", statuses[OfficerRole.FeeOfficer]);
        Assert.Equal("scheduled", statuses[OfficerRole.UnitLeader]);
        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Agencies_ListsCodesNamesAndParents()
    {
        var officer = await fixture.CreateOfficerAsync("xem.co.quan", "Xem Cơ Quan", (OfficerRole.Clerk, ApiHostFixture.AgencyA));
        using var session = await fixture.SignInOfficerAsync(officer);

        using var response = await session.GetAsync(Relative("/api/v1/agencies"));

        var agencies = (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();
        var child = Assert.Single(agencies, a => a.GetProperty("code").GetString() == ApiHostFixture.AgencyB);
        Assert.Equal(ApiHostFixture.AgencyA, child.GetProperty("parentCode").GetString());
        Assert.Contains(agencies, a => a.GetProperty("name").GetString() == ApiHostFixture.AgencyAName);
    }

    private static string GrantsOf(Guid accountId) => $"/api/v1/admin/accounts/{accountId:D}/grants";

    private static Uri Relative(string path) => new(path, UriKind.Relative);
}
