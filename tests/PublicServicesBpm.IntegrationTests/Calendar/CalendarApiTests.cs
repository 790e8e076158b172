using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublicServicesBpm.IntegrationTests.Identity;

namespace PublicServicesBpm.IntegrationTests.Calendar;

/// <summary>The administered business calendar over real HTTP: adjustments with history, per-agency office hours, arithmetic.</summary>
public sealed class CalendarApiTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Adjustments = "/api/v1/admin/calendar/adjustments";

    [Fact]
    public async Task AddAdjustment_NationalSubstituteDay_IsADayOffForEveryAgencyAndCountsInDeadlines()
    {
        using var admin = await fixture.AdministratorAsync();
        // Monday 4 May 2026 off (substitute for a holiday on a weekend): Friday 1 May + 1 working day = Tuesday 5 May.
        using var created = await admin.PostAsJsonAsync(Adjustments, new { date = "2026-05-04", kind = "day-off", nameVi = "Nghỉ bù ngày Quốc tế Lao động", nameEn = "Substitute day for Labour Day" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var anonymous = fixture.Host.CreateClient();
        var days = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/calendar/days?year=2026&agency=" + ApiHostFixture.AgencyB);
        Assert.Contains(days.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-05-04" && d.GetProperty("kind").GetString() == "day-off");
        Assert.Contains(days.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-04-30" && d.GetProperty("kind").GetString() == "holiday");
        var due = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add?instant=2026-04-29T09:00:00%2B07:00&duration=P1D&agency=" + ApiHostFixture.AgencyB);
        Assert.Equal(new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.FromHours(7)), due.GetProperty("instant").GetDateTimeOffset());
    }

    [Fact]
    public async Task AddAdjustment_SwappedSaturdayForOneAgency_OnlyThatAgencyWorksIt()
    {
        using var admin = await fixture.AdministratorAsync();
        using var created = await admin.PostAsJsonAsync(Adjustments, new { date = "2026-10-10", kind = "working-day", nameVi = "Làm bù", nameEn = "Swapped working day", agencyCode = ApiHostFixture.AgencyC });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var anonymous = fixture.Host.CreateClient();
        // Friday 9 Oct 16:00 + 2 working hours: the agency works Saturday 10 Oct, the others resume on Monday 12 Oct.
        var forC = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add?instant=2026-10-09T16:00:00%2B07:00&duration=PT2H&agency=" + ApiHostFixture.AgencyC);
        var forA = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add?instant=2026-10-09T16:00:00%2B07:00&duration=PT2H&agency=" + ApiHostFixture.AgencyA);
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 8, 30, 0, TimeSpan.FromHours(7)), forC.GetProperty("instant").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 8, 30, 0, TimeSpan.FromHours(7)), forA.GetProperty("instant").GetDateTimeOffset());
    }

    [Fact]
    public async Task WithdrawAdjustment_KeepsItInTheHistoryAndTheCalendarAsOfBeforeStillHasIt()
    {
        using var admin = await fixture.AdministratorAsync();
        using var created = await admin.PostAsJsonAsync(Adjustments, new { date = "2026-12-21", kind = "day-off", nameVi = "Nghỉ theo thông báo", nameEn = "Announced day off", agencyCode = ApiHostFixture.AgencyA });
        var adjustment = await created.Content.ReadFromJsonAsync<JsonElement>();
        var beforeWithdrawal = DateTimeOffset.UtcNow;

        using var withdrawn = await admin.PostAsJsonAsync($"{Adjustments}/{adjustment.GetProperty("id").GetGuid()}/withdraw", new { reason = "Thông báo bị hủy" });
        using var again = await admin.PostAsJsonAsync($"{Adjustments}/{adjustment.GetProperty("id").GetGuid()}/withdraw", new { reason = "Lần nữa" });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var history = await admin.GetFromJsonAsync<JsonElement>($"{Adjustments}?year=2026&agency={ApiHostFixture.AgencyA}");
        var row = Assert.Single(history.EnumerateArray(), r => r.GetProperty("date").GetString() == "2026-12-21");
        Assert.Equal("Thông báo bị hủy", row.GetProperty("withdrawalReason").GetString());
        using var anonymous = fixture.Host.CreateClient();
        var now = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/days?year=2026&agency={ApiHostFixture.AgencyA}");
        var then = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/days?year=2026&agency={ApiHostFixture.AgencyA}&asOf={Uri.EscapeDataString(beforeWithdrawal.ToString("O"))}");
        Assert.DoesNotContain(now.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-12-21");
        Assert.Contains(then.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-12-21");
    }

    [Fact]
    public async Task AddAdjustment_SameDateTwice_IsAConflictAndTheFirstStays()
    {
        using var admin = await fixture.AdministratorAsync();
        using var first = await admin.PostAsJsonAsync(Adjustments, new { date = "2027-01-04", kind = "day-off", nameVi = "Nghỉ bù", nameEn = "Substitute day" });
        using var second = await admin.PostAsJsonAsync(Adjustments, new { date = "2027-01-04", kind = "working-day", nameVi = "Làm bù", nameEn = "Swap" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"date":"2026-02-30","kind":"day-off","nameVi":"x","nameEn":"x"}""")]
    [InlineData("""{"date":"2300-01-01","kind":"day-off","nameVi":"x","nameEn":"x"}""")]
    [InlineData("""{"date":"2026-03-02","kind":"holiday","nameVi":"x","nameEn":"x"}""")]
    [InlineData("""{"date":"2026-03-02","kind":"day-off","nameVi":"","nameEn":"x"}""")]
    [InlineData("""{"date":"2026-03-02","kind":"day-off","nameVi":"x","nameEn":"x","agencyCode":"999.99.99.X00"}""")]
    public async Task AddAdjustment_BadInput_IsRefusedWithProblemDetails(string body)
    {
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.PostAsync(Adjustments, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/calendar/days?year=1800")]
    [InlineData("/api/v1/calendar/add?instant=2026-01-05T09:00:00%2B07:00&duration=three-days")]
    [InlineData("/api/v1/calendar/add?duration=P1D")]
    public async Task PublicCalendar_BadQuery_IsABadRequest(string path)
    {
        using var anonymous = fixture.Host.CreateClient();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Adjustments_OfficerWithoutAdministratorRole_IsForbidden()
    {
        var officer = await fixture.CreateOfficerAsync("lich-chuyen-vien", "Chuyên Viên", ("specialist", ApiHostFixture.AgencyA));
        using var client = await fixture.SignInOfficerAsync(officer);

        using var response = await client.PostAsJsonAsync(Adjustments, new { date = "2026-03-02", kind = "day-off", nameVi = "x", nameEn = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
