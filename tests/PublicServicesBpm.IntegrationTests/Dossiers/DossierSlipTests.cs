using System.Globalization;
using System.Net;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.IntegrationTests.Slips;
using PublicServicesBpm.Persistence.Dossiers;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierTestData;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>Slips 01–05 and the register (H19) filled from a dossier's data, read back from the PDF.</summary>
public sealed class DossierSlipTests(DossierFilesFixture fixture) : IClassFixture<DossierFilesFixture>
{
    [Fact]
    public async Task Receipt_ReceivedDossier_PrintsCodeApplicantComponentsAndAppointment()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var code = NewCode();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(4, owner, code, ReceivedBy: fixture.OneStopId.ToString("D")));
        using var officer = await fixture.OfficerAsync(fixture.OneStopId);

        var text = await SlipTextAsync(officer, dossier.Id, "01");

        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains(DossierFilesFixture.ApplicantName, text, StringComparison.Ordinal);
        Assert.Contains(DossierFilesFixture.WardName, text, StringComparison.Ordinal);
        Assert.Contains(BirthCertificateName, text, StringComparison.Ordinal);
        Assert.Contains(DossierFilesFixture.OneStopName, text, StringComparison.Ordinal);
        Assert.Contains("03 ngày làm việc", text, StringComparison.Ordinal);
        Assert.Contains(SlipTime(AppointmentAt), text, StringComparison.Ordinal);
        // The applicant may print their own receipt too.
        Assert.Contains(code, await SlipTextAsync(applicant, dossier.Id, "01"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_NotReceivedYet_Returns409()
    {
        var (owner, _) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(1, owner, HasInstance: true));
        using var officer = await fixture.OfficerAsync(fixture.OneStopId);

        using var response = await officer.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}/slips/01", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Supplementation_LatestRound_PrintsEachItemAndGuidingOfficer_ApplicantRefused()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(5, owner, NewCode(), SupplementationCount: 1));
        await fixture.WithDatabaseAsync(async db =>
        {
            db.DossierSupplementations.Add(new DossierSupplementationRecord
            {
                DossierId = dossier.Id, Round = 1, RequestedAt = ReceivedAt.AddDays(1), RequestedBy = fixture.SpecialistId.ToString("D"), State = "requested",
                Items = """[{"componentCode":"giay-chung-sinh","reason":"Bản chụp bị mờ, không đọc được họ tên người mẹ."}]""",
            });
            await db.SaveChangesAsync();
        });
        using var officer = await fixture.OfficerAsync(fixture.SpecialistId);

        var text = await SlipTextAsync(officer, dossier.Id, "02");

        Assert.Contains(BirthCertificateName, text, StringComparison.Ordinal);
        Assert.Contains("Bản chụp bị mờ, không đọc được họ tên người mẹ.", text, StringComparison.Ordinal);
        Assert.Contains("Lê Thu Hương", text, StringComparison.Ordinal);
        using var byApplicant = await applicant.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}/slips/02", UriKind.Relative));
        await ApiAssert.ProblemAsync(byApplicant, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Refusal_RefusedDossier_PrintsTheReason()
    {
        var dossier = await fixture.AddDossierAsync(new DossierSeed(3, HasInstance: true, Reason: "Hồ sơ không thuộc thẩm quyền giải quyết của phường."));
        await fixture.AddEventAsync(dossier.Id, ReceivedAt, "refusal", new { reason = dossier.Reason }, actorName: DossierFilesFixture.OneStopName);
        using var officer = await fixture.OfficerAsync(fixture.OneStopId);

        var text = await SlipTextAsync(officer, dossier.Id, "03");

        Assert.Contains("Hồ sơ không thuộc thẩm quyền giải quyết của phường.", text, StringComparison.Ordinal);
        Assert.Contains(DossierFilesFixture.OneStopName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apology_ApprovedApology_PrintsUnitReasonAndNewAppointment_NoneYieldsConflict()
    {
        var code = NewCode();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(4, Code: code));
        using var officer = await fixture.OfficerAsync(fixture.OneStopId);
        using (var none = await officer.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}/slips/04", UriKind.Relative)))
        {
            await ApiAssert.ProblemAsync(none, HttpStatusCode.Conflict);
        }
        var newAppointment = new DateTimeOffset(2026, 12, 8, 16, 30, 0, Vietnam);
        await fixture.WithDatabaseAsync(async db =>
        {
            db.DossierApologies.Add(new DossierApologyRecord
            {
                Id = Guid.CreateVersion7(), DossierId = dossier.Id, ProposedAt = AppointmentAt.AddHours(-2), ProposedBy = fixture.SpecialistId.ToString("D"),
                Unit = "Bộ phận Tư pháp - Hộ tịch", Reason = "Chờ xác minh thông tin nơi sinh.", PreviousAppointmentAt = AppointmentAt,
                NewAppointmentAt = newAppointment, State = "approved", DecidedBy = fixture.LeaderId.ToString("D"), DecidedAt = AppointmentAt.AddHours(-1),
            });
            await db.SaveChangesAsync();
        });

        var text = await SlipTextAsync(officer, dossier.Id, "04");

        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("Bộ phận Tư pháp - Hộ tịch", text, StringComparison.Ordinal);
        Assert.Contains("Chờ xác minh thông tin nơi sinh.", text, StringComparison.Ordinal);
        Assert.Contains(SlipTime(newAppointment), text, StringComparison.Ordinal);
        Assert.Contains("Phạm Quang Huy", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlSheet_UserTasks_OneRowPerTaskWithHolderAndOutcome()
    {
        var dossier = await fixture.AddDossierAsync(new DossierSeed(4, Code: NewCode(), ReceivedBy: fixture.OneStopId.ToString("D")));
        var instance = dossier.ProcessInstanceId!.Value;
        await AddUserTaskAsync(fixture, instance, "tham-dinh", "Thẩm định hồ sơ", ["specialist@" + DossierFilesFixture.Ward], fixture.SpecialistId.ToString("D"),
            ReceivedAt.AddMinutes(5), ReceivedAt.AddHours(3), "dat");
        await AddUserTaskAsync(fixture, instance, "phe-duyet", "Phê duyệt kết quả", ["unit-leader@" + DossierFilesFixture.Ward], null,
            ReceivedAt.AddHours(3), null, null);
        using var officer = await fixture.OfficerAsync(fixture.LeaderId);

        var text = await SlipTextAsync(officer, dossier.Id, "05");

        Assert.Contains("Thẩm định hồ sơ", text, StringComparison.Ordinal);
        Assert.Contains("Phê duyệt kết quả", text, StringComparison.Ordinal);
        Assert.Contains("Lê Thu Hương", text, StringComparison.Ordinal);
        Assert.Contains("Lãnh đạo đơn vị", text, StringComparison.Ordinal);
        Assert.Contains(DossierFilesFixture.OneStopName, text, StringComparison.Ordinal);
        Assert.Contains(ReceivedAt.AddMinutes(5).ToOffset(Vietnam).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_PdfAndExcel_ListTheAgencysReceivedDossiers()
    {
        var code = NewCode();
        await fixture.AddDossierAsync(new DossierSeed(4, Code: code));
        using var officer = await fixture.OfficerAsync(fixture.OneStopId);
        const string query = "/api/v1/dossiers/register?agency=" + DossierFilesFixture.Ward + "&from=2026-11-30&to=2026-11-30";

        using (var pdf = await officer.GetAsync(new Uri(query, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            var text = PdfText.Flat(string.Join(' ', PdfText.Pages(await pdf.Content.ReadAsByteArrayAsync())));
            Assert.Contains(code, text, StringComparison.Ordinal);
            Assert.Contains(DossierFilesFixture.ApplicantName, text, StringComparison.Ordinal);
        }
        using (var xlsx = await officer.GetAsync(new Uri(query + "&format=xlsx", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
            Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        }
        using (var bad = await officer.GetAsync(new Uri(query.Replace("from=2026-11-30", "from=30/11/2026", StringComparison.Ordinal), UriKind.Relative)))
        {
            await ApiAssert.ValidationProblemAsync(bad, "from");
        }
        using var other = await fixture.OfficerAsync(fixture.OtherWardOfficerId);
        using var forbidden = await other.GetAsync(new Uri(query, UriKind.Relative));
        await ApiAssert.ProblemAsync(forbidden, HttpStatusCode.Forbidden);
    }

    private static async Task<string> SlipTextAsync(HttpClient client, Guid id, string form)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/dossiers/{id}/slips/{form}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"slip {form}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return PdfText.Flat(string.Join(' ', PdfText.Pages(bytes)));
    }

    private static string SlipTime(DateTimeOffset at) =>
        at.ToOffset(Vietnam).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
}
