using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Deadlines;
using PublicServicesBpm.IntegrationTests.Dossiers;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierApiFixture;

namespace PublicServicesBpm.IntegrationTests.Deadlines;

/// <summary>
/// <c>GET /api/v1/monitoring/deadlines?by=agency|procedure|officer</c> (H8, H26) on the real host: two household
/// business registrations at the ward (one overdue and held by a specialist, one near due and unclaimed) and a judicial
/// record certificate at the Department of Justice (overdue). Each officer counts their own agencies; administrators
/// count every agency.
/// </summary>
public sealed class DeadlineMonitoringApiTests(DeadlineMonitoringApiTests.Data data) : IClassFixture<DeadlineMonitoringApiTests.Data>
{
    private const string Path = "/api/v1/monitoring/deadlines";

    [Fact]
    public async Task GetDeadlineCounts_ByAgencyOrDefault_CountsTheOfficersAgencyOnly()
    {
        using var specialist = await data.Dossiers.OfficerAsync(OfficerRole.Specialist);
        foreach (var query in new[] { "?by=agency", string.Empty })
        {
            var report = await GetAsync(specialist, Path + query);
            Assert.Equal("agency", report.GetProperty("by").GetString());
            Assert.Equal([(Ward, 2, 1, 1)], Counts(report, "steps"));
            Assert.Equal([(Ward, 2, 1, 1)], Counts(report, "dossiers"));
            Assert.Equal("UBND phường Cam Đường", report.GetProperty("steps")[0].GetProperty("name").GetString());
        }
        using var justice = await data.Dossiers.OfficerAsync(OfficerRole.OneStopOfficer, Justice);
        var theirs = await GetAsync(justice, Path + "?by=agency");
        Assert.Equal([(Justice, 1, 0, 1)], Counts(theirs, "steps"));
        Assert.Equal([(Justice, 1, 0, 1)], Counts(theirs, "dossiers"));
    }

    [Fact]
    public async Task GetDeadlineCounts_ByProcedure_CountsPerProcedureWithItsNames()
    {
        using var specialist = await data.Dossiers.OfficerAsync(OfficerRole.Specialist);

        var report = await GetAsync(specialist, Path + "?by=procedure");

        Assert.Equal("procedure", report.GetProperty("by").GetString());
        Assert.Equal([("dang-ky-ho-kinh-doanh", 2, 1, 1)], Counts(report, "steps"));
        Assert.Equal([("dang-ky-ho-kinh-doanh", 2, 1, 1)], Counts(report, "dossiers"));
        var row = report.GetProperty("steps")[0];
        Assert.Equal("Đăng ký thành lập hộ kinh doanh", row.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("nameEn").GetString()));
    }

    [Fact]
    public async Task GetDeadlineCounts_ByOfficer_StepsByHolderAndDossiersByAgency()
    {
        using var specialist = await data.Dossiers.OfficerAsync(OfficerRole.Specialist);

        var report = await GetAsync(specialist, Path + "?by=officer");

        var holder = data.Dossiers.OfficerId(OfficerRole.Specialist).ToString("D");
        Assert.Equal([(holder, 1, 0, 1), (string.Empty, 1, 1, 0)], Counts(report, "steps"));
        Assert.Equal($"Cán bộ {OfficerRole.Specialist} {Ward}", report.GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.Equal([(Ward, 2, 1, 1)], Counts(report, "dossiers"));
    }

    [Fact]
    public async Task GetDeadlineCounts_Administrator_CountsEveryAgency()
    {
        using var administrator = await data.Dossiers.SignInOfficerAsync(data.Dossiers.OperatorId);

        var report = await GetAsync(administrator, Path + "?by=agency");

        // Equal overdue counts: the one with more near due first.
        Assert.Equal([(Ward, 2, 1, 1), (Justice, 1, 0, 1)], Counts(report, "steps"));
        Assert.Equal([(Ward, 2, 1, 1), (Justice, 1, 0, 1)], Counts(report, "dossiers"));
    }

    [Theory]
    [InlineData("?by=agencies")]
    [InlineData("?by=AGENCY")]
    [InlineData("?by=")]
    public async Task GetDeadlineCounts_UnknownGrouping_Returns400ProblemDetails(string query)
    {
        using var specialist = await data.Dossiers.OfficerAsync(OfficerRole.Specialist);

        using var response = await specialist.GetAsync(new Uri(Path + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("agency, procedure, officer", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDeadlineCounts_AnonymousOrCitizen_Refused()
    {
        using var anonymous = data.Dossiers.Anonymous();
        using var anonymousResponse = await anonymous.GetAsync(new Uri(Path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);

        using var citizen = await data.Dossiers.ApplicantAsync(await data.Dossiers.CreateApplicantAsync("Vàng Thị Sua"));
        using var citizenResponse = await citizen.GetAsync(new Uri(Path, UriKind.Relative));
        Assert.Contains(citizenResponse.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static (string Key, int Open, int NearDue, int Overdue)[] Counts(JsonElement report, string table) =>
        [.. report.GetProperty(table).EnumerateArray().Select(r => (
            r.GetProperty("key").GetString()!, r.GetProperty("open").GetInt32(), r.GetProperty("nearDue").GetInt32(), r.GetProperty("overdue").GetInt32()))];

    /// <summary>
    /// The dossier tests' host with the deadline monitor's recurring run removed, and the three dossiers of the class,
    /// their steps and themselves marked as the monitor marks them (stage 1 near due, 2 overdue; due time seen, no next
    /// check), so the counts are known.
    /// </summary>
    public sealed class Data : IAsyncLifetime
    {
        public DossierApiFixture Dossiers { get; } = new();

        public async Task InitializeAsync()
        {
            await Dossiers.InitializeAsync();
            Dossiers.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(DeadlineMonitorJob.RecurringJobId);
            var monday = await Dossiers.NextPlainMondayAsync();
            Dossiers.At(Day(monday, 0, 9));
            var overdue = await HouseholdBusinessAtTheCounterAsync("Lù Văn Chính");
            var nearDue = await HouseholdBusinessAtTheCounterAsync("Tẩn Thị Mẩy");
            var justice = await JudicialRecordAsync("Hoàng Văn Sinh");
            var now = Dossiers.Clock.GetUtcNow();
            await MarkAsync(overdue, 2, now.AddHours(-1), Dossiers.OfficerId(OfficerRole.Specialist).ToString("D"));
            await MarkAsync(nearDue, 1, now.AddHours(1), assignee: null);
            await MarkAsync(justice, 2, now.AddHours(-3), assignee: null);
        }

        public Task DisposeAsync() => Dossiers.DisposeAsync();

        private async Task<Guid> HouseholdBusinessAtTheCounterAsync(string applicantName)
        {
            using var oneStop = await Dossiers.OfficerAsync(OfficerRole.OneStopOfficer);
            var id = await CreateDraftAsync(oneStop, new
            {
                procedureCode = "dang-ky-ho-kinh-doanh", channel = "counter", applicant = DossierSamples.WalkIn(applicantName), resultDelivery = "counter",
                formData = DossierSamples.HouseholdBusiness(),
            });
            await UploadAsync(oneStop, id, "giay-de-nghi");
            await UploadAsync(oneStop, id, "giay-to-tuy-than");
            Assert.Equal(4, Status(await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { })));
            return id;
        }

        private async Task<Guid> JudicialRecordAsync(string applicantName)
        {
            using var applicant = await Dossiers.ApplicantAsync(await Dossiers.CreateApplicantAsync(applicantName));
            var id = await CreateDraftAsync(applicant, new
            {
                procedureCode = "cap-phieu-ly-lich-tu-phap", caseCode = "mac-dinh", channel = "online", resultDelivery = "counter", formData = DossierSamples.JudicialRecord(),
            });
            await UploadAsync(applicant, id, "to-khai");
            await UploadAsync(applicant, id, "giay-to-tuy-than");
            await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
            using var oneStop = await Dossiers.OfficerAsync(OfficerRole.OneStopOfficer, Justice);
            Assert.Equal(4, Status(await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { })));
            return id;
        }

        /// <summary>The dossier and its one open step at <paramref name="stage"/>, the step due at <paramref name="due"/> and held by <paramref name="assignee"/>.</summary>
        private async Task MarkAsync(Guid dossierId, short stage, DateTimeOffset due, string? assignee)
        {
            await using var scope = Dossiers.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var instance = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.ProcessInstanceId).SingleAsync();
            var steps = await db.UserTasks.Where(t => t.InstanceId == instance && t.Status == "open").ExecuteUpdateAsync(s => s
                .SetProperty(t => t.DueAt, due).SetProperty(t => t.SlaDueAt, due).SetProperty(t => t.SlaStage, stage)
                .SetProperty(t => t.SlaCheckAt, (DateTimeOffset?)null).SetProperty(t => t.Assignee, assignee));
            Assert.Equal(1, steps);
            await db.Dossiers.Where(d => d.Id == dossierId).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.SlaDueAt, d => d.AppointmentAt).SetProperty(d => d.SlaStage, stage).SetProperty(d => d.SlaCheckAt, (DateTimeOffset?)null));
        }
    }
}
