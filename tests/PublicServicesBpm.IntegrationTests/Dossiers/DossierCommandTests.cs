using System.Net;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.Persistence.Identity;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierApiFixture;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>
/// Dossier commands given bad input through the API: the wrong step, someone else's dossier, the same command twice,
/// missing components, invalid form data — each a problem-details answer, with nothing half-stored.
/// </summary>
public sealed class DossierCommandTests(DossierApiFixture fixture) : IClassFixture<DossierApiFixture>
{
    [Fact]
    public async Task Supplement_WhenNoneWasAsked_Returns409AndChangesNothing()
    {
        var (applicant, id) = await SubmittedAsync();

        using var response = await SendAsync(applicant, $"/api/v1/dossiers/{id}/supplement", new { note = "Bổ sung" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        var dossier = await GetDossierAsync(applicant, id);
        Assert.Equal(1, Status(dossier));
        Assert.Empty(Events(dossier, "supplemented"));
        applicant.Dispose();
    }

    [Fact]
    public async Task Dossier_OfAnotherApplicant_Is404ToReadAndToCommand()
    {
        var (owner, id) = await SubmittedAsync();
        using var stranger = await fixture.ApplicantAsync(await fixture.CreateApplicantAsync("Người Khác"));

        using var read = await stranger.GetAsync(new Uri($"/api/v1/dossiers/{id}", UriKind.Relative));
        using var withdraw = await SendAsync(stranger, $"/api/v1/dossiers/{id}/withdrawal", new { reason = "Không phải hồ sơ của tôi" });
        var list = await ApiAssert.JsonAsync(await stranger.GetAsync(new Uri("/api/v1/dossiers", UriKind.Relative)), HttpStatusCode.OK);

        await ApiAssert.ProblemAsync(read, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(withdraw, HttpStatusCode.NotFound);
        Assert.DoesNotContain(list.EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.Empty(Events(await GetDossierAsync(owner, id), "withdrawal-requested"));
        owner.Dispose();
    }

    [Fact]
    public async Task Dossier_OfAnotherAgency_Is404ToItsOfficers()
    {
        var (applicant, id) = await SubmittedAsync();
        using var otherWard = await fixture.OfficerAsync(OfficerRole.OneStopOfficer, OtherWard);

        using var read = await otherWard.GetAsync(new Uri($"/api/v1/dossiers/{id}", UriKind.Relative));
        using var receive = await SendAsync(otherWard, $"/api/v1/dossiers/{id}/receive", new { });

        await ApiAssert.ProblemAsync(read, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(receive, HttpStatusCode.NotFound);
        Assert.Equal(1, Status(await GetDossierAsync(applicant, id)));
        applicant.Dispose();
    }

    [Fact]
    public async Task Submit_TwiceWithOneIdempotencyKey_AnswersTheSameAndSubmitsOnce()
    {
        var (applicant, id) = await DraftAsync(uploadAll: true);

        var first = await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null, idempotencyKey: "nop-lan-1");
        var second = await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null, idempotencyKey: "nop-lan-1");

        Assert.Equal(1, Status(first));
        Assert.Equal(1, Status(second));
        Assert.Equal(first.GetProperty("processInstanceId").GetGuid(), second.GetProperty("processInstanceId").GetGuid());
        Assert.Equal([1], StatusHistory(second));
        Assert.Single(Events(second, "submitted"));
        applicant.Dispose();
    }

    [Fact]
    public async Task Receive_TwiceWithOneIdempotencyKey_GivesOneCodeAndOneReceipt()
    {
        var monday = await fixture.NextPlainMondayAsync();
        var (applicant, id) = await SubmittedAsync();
        fixture.At(Day(monday, 0, 9));
        using var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);

        var first = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { }, idempotencyKey: "tiep-nhan-1");
        var second = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { }, idempotencyKey: "tiep-nhan-1");
        using var withoutKey = await SendAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });

        Assert.Equal(first.GetProperty("code").GetString(), second.GetProperty("code").GetString());
        Assert.Equal([1, 2, 4], StatusHistory(second));
        Assert.Single(AppointmentHistory(second));
        await ApiAssert.ProblemAsync(withoutKey, HttpStatusCode.Conflict);
        applicant.Dispose();
    }

    [Fact]
    public async Task Submit_WithoutRequiredComponents_Returns422NamingThemAndStartsNothing()
    {
        var (applicant, id) = await DraftAsync(uploadAll: false);

        using var response = await SendAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["components.giay-to-tuy-than"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("Bản sao giấy tờ pháp lý", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var dossier = await GetDossierAsync(applicant, id);
        Assert.Equal(0, Status(dossier));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dossier.GetProperty("processInstanceId").ValueKind);
        applicant.Dispose();
    }

    [Fact]
    public async Task Submit_WithInvalidFormData_Returns400PerFieldAndStartsNothing()
    {
        var applicantId = await fixture.CreateApplicantAsync("Lò Thị Mai");
        using var applicant = await fixture.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new
        {
            procedureCode = "dang-ky-ho-kinh-doanh", channel = "online",
            formData = new
            {
                hoKinhDoanh = new { diaChi = "Phường Cam Đường", dienThoai = "+84912345678", vonKinhDoanh = 50000000 },
                chuHo = new { hoTen = "Lò Thị Mai", gioiTinh = "nu", ngaySinh = "1990-01-01", soDinhDanh = "12345", noiCuTru = "Phường Cam Đường", dienThoai = "+84912345678" },
                camDoan = true,
            },
        });
        await UploadAsync(applicant, id, "giay-de-nghi");
        await UploadAsync(applicant, id, "giay-to-tuy-than");

        using var response = await SendAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("formData.hoKinhDoanh.ten", fields);
        Assert.Contains("formData.chuHo.soDinhDanh", fields);
        Assert.Equal(0, Status(await GetDossierAsync(applicant, id)));
    }

    [Fact]
    public async Task Create_CounterDossierByAnApplicant_Returns400OnChannel()
    {
        using var applicant = await fixture.ApplicantAsync(await fixture.CreateApplicantAsync("Sùng A Páo"));

        using var response = await SendAsync(applicant, "/api/v1/dossiers", new { procedureCode = "dang-ky-ho-kinh-doanh", channel = "counter" });

        await ApiAssert.ValidationProblemAsync(response, "channel");
    }

    /// <summary>An online household business draft with valid form data, and the required components when asked.</summary>
    private async Task<(HttpClient Applicant, Guid Id)> DraftAsync(bool uploadAll)
    {
        var applicant = await fixture.ApplicantAsync(await fixture.CreateApplicantAsync("Nông Văn Quý"));
        var id = await CreateDraftAsync(applicant, new { procedureCode = "dang-ky-ho-kinh-doanh", channel = "online", formData = DossierSamples.HouseholdBusiness() });
        await UploadAsync(applicant, id, "giay-de-nghi");
        if (uploadAll)
        {
            await UploadAsync(applicant, id, "giay-to-tuy-than");
        }
        return (applicant, id);
    }

    private async Task<(HttpClient Applicant, Guid Id)> SubmittedAsync()
    {
        var (applicant, id) = await DraftAsync(uploadAll: true);
        await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
        return (applicant, id);
    }
}
