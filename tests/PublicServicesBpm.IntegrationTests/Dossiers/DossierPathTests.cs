using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierApiFixture;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>
/// <c>GET /api/v1/dossiers/{id}/path</c> (the instance viewer's data): the BPMN of the instance's version, the elements
/// passed and the current position as the dossier stands, for the officers of its agency only; the variables' read is audited.
/// </summary>
public sealed class DossierPathTests(DossierApiFixture fixture) : IClassFixture<DossierApiFixture>
{
    [Fact]
    public async Task Path_OfficerOfTheAgency_ReturnsXmlCompletedAndActiveElementsMatchingTheDossier()
    {
        var id = await ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        using var officer = await fixture.OfficerAsync(OfficerRole.Specialist);
        var dossier = await GetDossierAsync(officer, id);
        var openSteps = dossier.GetProperty("openTasks").EnumerateArray().Select(t => t.GetProperty("elementId").GetString()!).ToList();
        Assert.Equal(["appraise"], openSteps);
        var position = await LastAuditSequenceAsync();

        var path = await PathAsync(officer, id);

        Assert.Equal("cap-ban-sao-trich-luc-ho-tich", path.GetProperty("processKey").GetString());
        Assert.Equal(1, path.GetProperty("processVersion").GetInt32());
        var xml = path.GetProperty("bpmnXml").GetString()!;
        Assert.Contains("<bpmndi:BPMNDiagram", xml, StringComparison.Ordinal);
        Assert.Contains("id=\"appraise\"", xml, StringComparison.Ordinal);
        var completed = path.GetProperty("completed").EnumerateArray().ToDictionary(c => c.GetProperty("elementId").GetString()!, c => c.GetProperty("times").GetInt32());
        // Received at the counter: the gateway skips the online receipt step.
        Assert.Equal(1, completed["start"]);
        Assert.Equal(1, completed["receipt-channel"]);
        Assert.Equal(1, completed["register-receipt"]);
        Assert.Equal(1, completed["processing-start"]);
        Assert.DoesNotContain("receive", completed.Keys);
        Assert.DoesNotContain("appraise", completed.Keys);
        var active = path.GetProperty("active").EnumerateArray().ToList();
        var appraise = Assert.Single(active, a => a.GetProperty("elementId").GetString() == "appraise");
        Assert.Equal("Tra cứu sổ hộ tịch, dự thảo bản sao trích lục", appraise.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, appraise.GetProperty("taskId").ValueKind);
        Assert.Empty(path.GetProperty("incidents").EnumerateArray());
        Assert.Contains(path.GetProperty("history").EnumerateArray(),
            h => h.GetProperty("elementId").GetString() == "appraise" && h.GetProperty("kind").GetString() == "ElementEntered");
        Assert.Equal(JsonValueKind.Object, path.GetProperty("variables").ValueKind);

        var entries = await AuditSinceAsync(position);
        var read = Assert.Single(entries, e => e.TargetType == "process-instance");
        Assert.Equal("personal-data.read", read.Action);
        Assert.Equal(id, read.DossierId);
        Assert.Equal(fixture.OfficerId(OfficerRole.Specialist).ToString("D"), read.ActorId);
        Assert.Equal(path.GetProperty("instanceId").GetGuid().ToString("D"), read.TargetId);
    }

    [Fact]
    public async Task Path_WithoutVariables_LeavesThemOutAndLogsNoRead()
    {
        var id = await ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        using var officer = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var position = await LastAuditSequenceAsync();

        var path = await PathAsync(officer, id, "?variables=false");

        Assert.Equal(JsonValueKind.Null, path.GetProperty("variables").ValueKind);
        Assert.DoesNotContain(await AuditSinceAsync(position), e => e.TargetType == "process-instance");
    }

    [Fact]
    public async Task Path_OfficerOfAnotherAgency_Returns404()
    {
        var id = await ReceivedCivilStatusCopyAsync("Đặng Văn Minh");
        using var stranger = await fixture.OfficerAsync(OfficerRole.OneStopOfficer, OtherWard);

        using var response = await stranger.GetAsync(new Uri($"/api/v1/dossiers/{id}/path", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Path_ApplicantOwningTheSubmittedDossier_Returns404()
    {
        var applicantId = await fixture.CreateApplicantAsync("Bùi Văn Khánh");
        using var applicant = await fixture.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new { procedureCode = "cap-ban-sao-trich-luc-ho-tich", agencyCode = Ward, channel = "online", formData = DossierSamples.CivilStatusCopy() });
        await UploadAsync(applicant, id, "to-khai");
        await UploadAsync(applicant, id, "giay-to-tuy-than");
        var submitted = await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
        Assert.Equal(JsonValueKind.String, submitted.GetProperty("processInstanceId").ValueKind);

        using var response = await applicant.GetAsync(new Uri($"/api/v1/dossiers/{id}/path", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        // The agency's officers see the submitted dossier waiting at its receipt step, then passed it, and who did it.
        using var officer = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var waiting = await PathAsync(officer, id, "?variables=false");
        Assert.Contains(waiting.GetProperty("active").EnumerateArray(), a => a.GetProperty("elementId").GetString() == "receive");
        await PostAsync(officer, $"/api/v1/dossiers/{id}/receive", new { });
        var received = await PathAsync(officer, id, "?variables=false");
        Assert.Contains(received.GetProperty("completed").EnumerateArray(), c => c.GetProperty("elementId").GetString() == "receive");
        Assert.Contains(received.GetProperty("history").EnumerateArray(),
            h => h.GetProperty("elementId").GetString() == "receive" && h.GetProperty("kind").GetString() == "TaskCompleted"
                && h.GetProperty("who").GetString() == $"Cán bộ {OfficerRole.OneStopOfficer} {Ward}");
    }

    [Fact]
    public async Task Path_DraftWithoutInstance_Returns404SayingSo()
    {
        using var officer = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var id = await CreateDraftAsync(officer, new
        {
            procedureCode = "cap-ban-sao-trich-luc-ho-tich", agencyCode = Ward, channel = "counter", applicant = DossierSamples.WalkIn("Lý Thị Mai"), resultDelivery = "counter",
        });

        using var response = await officer.GetAsync(new Uri($"/api/v1/dossiers/{id}/path", UriKind.Relative));

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("The dossier has no workflow yet", problem.GetProperty("title").GetString());
    }

    /// <summary>A walk-in civil-status copy request received at the ward's counter: processing, its appraisal step open.</summary>
    private async Task<Guid> ReceivedCivilStatusCopyAsync(string applicantName)
    {
        using var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var id = await CreateDraftAsync(oneStop, new
        {
            procedureCode = "cap-ban-sao-trich-luc-ho-tich", agencyCode = Ward, channel = "counter", applicant = DossierSamples.WalkIn(applicantName), resultDelivery = "counter",
            formData = DossierSamples.CivilStatusCopy(),
        });
        await UploadAsync(oneStop, id, "to-khai");
        await UploadAsync(oneStop, id, "giay-to-tuy-than");
        var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
        Assert.Equal(4, Status(received));
        return id;
    }

    private static async Task<JsonElement> PathAsync(HttpClient client, Guid id, string query = "")
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/dossiers/{id}/path{query}", UriKind.Relative));
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private async Task<long> LastAuditSequenceAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditLog.MaxAsync(e => (long?)e.Sequence) ?? 0;
    }

    private async Task<List<AuditEntry>> AuditSinceAsync(long position)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditLog.AsNoTracking().Where(e => e.Sequence > position).ToListAsync();
    }
}
