using System.Net;
using System.Text.Json;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

public sealed class ApiMeTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private static readonly Uri s_me = new("/api/v1/identity/me", UriKind.Relative);

    [Fact]
    public async Task Me_Officer_ShowsCurrentGrantsWithAgencyNamesAndCandidateGroups()
    {
        var until = DateTimeOffset.UtcNow.AddDays(30);
        var officer = await fixture.CreateOfficerAsync("toi.la.can.bo", "Tôi Là Cán Bộ", (OfficerRole.OneStopOfficer, ApiHostFixture.AgencyA), (OfficerRole.Specialist, ApiHostFixture.AgencyB));
        await fixture.WithDatabaseAsync(async db =>
        {
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = officer, Role = OfficerRole.Clerk, AgencyCode = ApiHostFixture.AgencyA, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), ValidUntil = until, GrantedAt = DateTimeOffset.UtcNow });
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = officer, Role = OfficerRole.FeeOfficer, AgencyCode = ApiHostFixture.AgencyA, ValidFrom = DateTimeOffset.UtcNow.AddDays(-9), ValidUntil = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        using var session = await fixture.SignInOfficerAsync(officer);

        using var response = await session.GetAsync(s_me);

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("officer", body.GetProperty("kind").GetString());
        Assert.Equal(officer, body.GetProperty("id").GetGuid());
        Assert.Equal("Tôi Là Cán Bộ", body.GetProperty("displayName").GetString());
        var part = body.GetProperty("officer");
        var grants = part.GetProperty("grants").EnumerateArray().ToList();
        Assert.Equal(3, grants.Count);
        var clerk = Assert.Single(grants, g => g.GetProperty("role").GetString() == OfficerRole.Clerk);
        Assert.Equal(ApiHostFixture.AgencyAName, clerk.GetProperty("agencyName").GetString());
        Assert.Equal(until, clerk.GetProperty("validUntil").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(
            [$"{OfficerRole.Clerk}@{ApiHostFixture.AgencyA}", $"{OfficerRole.OneStopOfficer}@{ApiHostFixture.AgencyA}", $"{OfficerRole.Specialist}@{ApiHostFixture.AgencyB}"],
            part.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("applicant").ValueKind);
    }

    [Fact]
    public async Task Me_Applicant_ShowsProfileSummaryWithoutPersonalIdNumber()
    {
        var (applicantId, client) = await fixture.SignInApplicantAsync("Lê Văn Cường");
        using (client)
        {
            using var response = await client.GetAsync(s_me);

            var text = await response.Content.ReadAsStringAsync();
            var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
            Assert.Equal("applicant", body.GetProperty("kind").GetString());
            Assert.Equal(applicantId, body.GetProperty("id").GetGuid());
            Assert.Equal("Lê Văn Cường", body.GetProperty("displayName").GetString());
            Assert.Equal(2, body.GetProperty("applicant").GetProperty("assuranceLevel").GetInt32());
            Assert.DoesNotContain("001190012345", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Me_Anonymous_Returns401ProblemWithoutRedirect()
    {
        using var client = fixture.Anonymous();

        using var response = await client.GetAsync(s_me);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Me_InvalidBearerToken_Returns401()
    {
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        using var response = await client.GetAsync(s_me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_OfficerDisabledWhileSignedIn_Returns403()
    {
        var officer = await fixture.CreateOfficerAsync("bi.khoa.me", "Bị Khóa", (OfficerRole.Clerk, ApiHostFixture.AgencyA));
        using var session = await fixture.SignInOfficerAsync(officer);
        using var admin = await fixture.AdministratorAsync();
        using (var disable = await admin.PostAsync(new Uri($"/api/v1/admin/accounts/{officer:D}/disable", UriKind.Relative), content: null))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        }

        using var response = await session.GetAsync(s_me);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
