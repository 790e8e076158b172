using PublicServicesBpm.Persistence.Identity;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierApiFixture;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>
/// The dossier clock as the status projection keeps it (DossierStatusProjection): a pause (status 5 or 6) moves the
/// appointment by exactly the working time it lasted, and a procedure that restarts its time limit after a supplement
/// gets the full limit again from the moment the supplement arrives.
/// </summary>
public sealed class DossierProjectionTests(DossierApiFixture fixture) : IClassFixture<DossierApiFixture>
{
    [Fact]
    public async Task PaymentPause_OverAWeekend_MovesTheAppointmentByThePausedWorkingTime()
    {
        var monday = await fixture.NextPlainMondayAsync();
        var id = await ReceivedHouseholdBusinessAsync(monday);
        fixture.At(Day(monday, 0, 10));
        await fixture.CompleteStepAsync(id, "appraise", "valid", new { ketLuan = "dat", yKien = "Hồ sơ đầy đủ, hợp lệ theo quy định." });

        // Asked to pay on Thursday 16:00, paid on Monday 09:00: 1 h + 7.5 h + 1.5 h = 10 office hours.
        fixture.At(Day(monday, 3, 16));
        using var fees = await fixture.OfficerAsync(OfficerRole.FeeOfficer);
        var requested = await PostAsync(fees, $"/api/v1/dossiers/{id}/payments", new { });
        Assert.True(requested.GetProperty("paused").GetBoolean());
        Assert.Equal(Day(monday, 3, 9), Appointment(requested));
        fixture.At(Day(monday, 7, 9));
        var paymentId = Assert.Single(requested.GetProperty("payments").EnumerateArray()).GetProperty("id").GetGuid();
        using var cashier = await fixture.OfficerAsync(OfficerRole.FeeOfficer);
        var paid = await PostAsync(cashier, $"/api/v1/dossiers/{id}/payments/{paymentId}/record", new { method = "counter", receiptNumber = "BL-0777" });

        Assert.False(paid.GetProperty("paused").GetBoolean());
        Assert.Equal(600, paid.GetProperty("pausedWorkingMinutes").GetInt32());
        // Thursday 09:00 plus 10 working hours: Thursday's 6 h, then Friday's morning 4 h to 11:30.
        Assert.Equal(Day(monday, 4, 11, 30), Appointment(paid));
        Assert.Equal(Day(monday, 3, 9), paid.GetProperty("firstAppointmentAt").GetDateTimeOffset());
        var move = Events(paid, "appointment").Last();
        Assert.Equal("payment-pause", move.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(600, move.GetProperty("data").GetProperty("pausedMinutes").GetInt32());
        Assert.Equal(Day(monday, 3, 9), move.GetProperty("data").GetProperty("previous").GetDateTimeOffset());
    }

    [Fact]
    public async Task SupplementRestart_HouseholdBusiness_GetsTheFullTimeLimitFromTheSupplement()
    {
        var monday = await fixture.NextPlainMondayAsync();
        var id = await ReceivedHouseholdBusinessAsync(monday);
        fixture.At(Day(monday, 0, 10));
        using (var specialist = await fixture.OfficerAsync(OfficerRole.Specialist))
        {
            await PostAsync(specialist, $"/api/v1/dossiers/{id}/supplementation-requests", new
            {
                items = new[] { new { componentCode = "giay-de-nghi", reason = "Giấy đề nghị thiếu chữ ký của chủ hộ." } },
                formData = new { ketLuan = "chua-dat", yKien = "Hồ sơ chưa hợp lệ, cần bổ sung.", lyDoChuaDat = "Giấy đề nghị thiếu chữ ký." },
            });
        }
        using (var reader = await fixture.OfficerAsync(OfficerRole.OneStopOfficer))
        {
            if ((await GetDossierAsync(reader, id)).GetProperty("openTasks").EnumerateArray().Any(t => t.GetProperty("elementId").GetString() == "request-supplement"))
            {
                await fixture.CompleteStepAsync(id, "request-supplement", "sent", DossierSamples.SupplementNotice());
            }
        }

        // Supplemented on Wednesday 15:00, after 5 + 7.5 + 5.5 = 18 office hours paused.
        fixture.At(Day(monday, 2, 15));
        using var applicant = await fixture.ApplicantAsync(ApplicantId);
        await UploadAsync(applicant, id, "giay-de-nghi", "giay-de-nghi-co-chu-ky.pdf");
        var supplemented = await PostAsync(applicant, $"/api/v1/dossiers/{id}/supplement", new { note = "Đã ký bổ sung." });

        Assert.Equal(4, Status(supplemented));
        Assert.Equal(1080, supplemented.GetProperty("pausedWorkingMinutes").GetInt32());
        // Three full working days from Wednesday 15:00 (Monday 15:00) — not the old appointment moved by the pause.
        Assert.Equal(Day(monday, 7, 15), Appointment(supplemented));
        Assert.Equal((Day(monday, 7, 15), "supplement-restart"), AppointmentHistory(supplemented)[^1]);
        var round = Assert.Single(supplemented.GetProperty("supplementations").EnumerateArray());
        Assert.Equal("completed", round.GetProperty("state").GetString());
        Assert.Equal(1, supplemented.GetProperty("supplementationCount").GetInt32());
        Assert.Equal([1, 2, 4, 5, 4], StatusHistory(supplemented));
    }

    private Guid ApplicantId { get; set; }

    /// <summary>An online household business dossier received on Monday 09:00 (due three working days later, Thursday 09:00).</summary>
    private async Task<Guid> ReceivedHouseholdBusinessAsync(DateTimeOffset monday)
    {
        ApplicantId = await fixture.CreateApplicantAsync("Trịnh Văn Lực");
        using var applicant = await fixture.ApplicantAsync(ApplicantId);
        var id = await CreateDraftAsync(applicant, new { procedureCode = "dang-ky-ho-kinh-doanh", channel = "online", formData = DossierSamples.HouseholdBusiness() });
        await UploadAsync(applicant, id, "giay-de-nghi");
        await UploadAsync(applicant, id, "giay-to-tuy-than");
        await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
        fixture.At(Day(monday, 0, 9));
        using var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
        Assert.Equal(Day(monday, 3, 9), Appointment(received));
        return id;
    }
}
