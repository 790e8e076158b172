using System.Net.Http.Json;
using System.Text.Json;
using PublicServicesBpm.Persistence.Identity;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierApiFixture;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>
/// Each of the five procedures end to end through the HTTP API on the real host (issue 5, "Done when"): online and at
/// the counter, with a supplementation round, a refusal at receipt, a withdrawal, payments and a late dossier with an
/// apology — asserting the status history, the appointments with their reasons and the text of the slips.
/// </summary>
public sealed class DossierLifecycleTests(DossierApiFixture fixture) : IClassFixture<DossierApiFixture>
{
    private static object Opinion(bool valid) => valid
        ? new { ketLuan = "dat", yKien = "Hồ sơ đầy đủ, hợp lệ theo quy định." }
        : new { ketLuan = "chua-dat", yKien = "Hồ sơ còn thiếu giấy tờ hợp lệ.", lyDoChuaDat = "Bản sao giấy tờ tùy thân không đọc được số định danh." };

    [Fact]
    public async Task HouseholdBusiness_OnlineWithSupplementAndPayment_ReturnedWithRestartedAndPausedAppointments()
    {
        var monday = await fixture.NextPlainMondayAsync();
        var applicantId = await fixture.CreateApplicantAsync("Nguyễn Minh An");
        using var applicant = await fixture.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new { procedureCode = "dang-ky-ho-kinh-doanh", channel = "online", formData = DossierSamples.HouseholdBusiness() });
        await UploadAsync(applicant, id, "giay-de-nghi");
        await UploadAsync(applicant, id, "giay-to-tuy-than");

        var submitted = await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
        Assert.Equal(1, Status(submitted));

        fixture.At(Day(monday, 0, 9));
        using (var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer))
        {
            var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
            Assert.Equal($"{Ward}-{monday:yyMMdd}-0001", received.GetProperty("code").GetString());
            Assert.Equal(4, Status(received));
            // Three working days of the ward (7.5-hour office days): Thursday at the same time of day.
            Assert.Equal(Day(monday, 3, 9), Appointment(received));
            var slip = await SlipTextAsync(oneStop, id, "01");
            Assert.Contains(received.GetProperty("code").GetString()!, slip, StringComparison.Ordinal);
            Assert.Contains("Nguyễn Minh An", slip, StringComparison.Ordinal);
            Assert.Contains("Giấy đề nghị đăng ký hộ kinh doanh", slip, StringComparison.Ordinal);
            Assert.Contains(SlipTime(Day(monday, 0, 9)), slip, StringComparison.Ordinal);
            Assert.Contains(SlipTime(Day(monday, 3, 9)), slip, StringComparison.Ordinal);
        }

        fixture.At(Day(monday, 0, 10));
        using (var specialist = await fixture.OfficerAsync(OfficerRole.Specialist))
        {
            await PostAsync(specialist, $"/api/v1/dossiers/{id}/supplementation-requests", new
            {
                items = new[] { new { componentCode = "giay-to-tuy-than", reason = "Bản sao không đọc được số định danh cá nhân." } },
                guidance = "Nộp lại bản sao rõ nét.",
                formData = Opinion(valid: false),
            });
        }
        await CompleteSupplementNoticeIfOpenAsync(id);
        using (var reader = await fixture.OfficerAsync(OfficerRole.OneStopOfficer))
        {
            Assert.Equal(5, Status(await GetDossierAsync(reader, id)));
        }

        // The applicant supplements one working day later; the procedure restarts its full time limit.
        fixture.At(Day(monday, 1, 10));
        using (var again = await fixture.ApplicantAsync(applicantId))
        {
            await UploadAsync(again, id, "giay-to-tuy-than", "cccd-ro-net.pdf");
            var supplemented = await PostAsync(again, $"/api/v1/dossiers/{id}/supplement", new { note = "Đã nộp bản sao rõ nét." });
            Assert.Equal(4, Status(supplemented));
            // The full limit again from Tuesday 10:00: Friday 10:00.
            Assert.Equal(Day(monday, 4, 10), Appointment(supplemented));
        }

        fixture.At(Day(monday, 1, 11));
        await fixture.CompleteStepAsync(id, "appraise", "valid", Opinion(valid: true));
        fixture.At(Day(monday, 1, 14));
        using (var fees = await fixture.OfficerAsync(OfficerRole.FeeOfficer))
        {
            var requested = await PostAsync(fees, $"/api/v1/dossiers/{id}/payments", new { });
            Assert.Equal(6, Status(requested));
            var payment = Assert.Single(requested.GetProperty("payments").EnumerateArray());
            Assert.Equal(50000m, payment.GetProperty("amount").GetDecimal());

            // Paid a working day later (Tuesday 14:00 to Wednesday 14:00 is 7.5 office hours).
            fixture.At(Day(monday, 2, 14));
            using var cashier = await fixture.OfficerAsync(OfficerRole.FeeOfficer);
            var paid = await PostAsync(cashier, $"/api/v1/dossiers/{id}/payments/{payment.GetProperty("id").GetGuid()}/record", new { method = "transfer", receiptNumber = "BL-0001" });
            Assert.Equal(4, Status(paid));
            // Friday 10:00 plus the 7.5 office hours paused: Friday's 5 h, then Monday 07:30–10:00.
            Assert.Equal(Day(monday, 7, 10), Appointment(paid));
        }
        await WaitForOpenStepAsync(id, "sign");

        using (var leader = await fixture.OfficerAsync(OfficerRole.UnitLeader))
        {
            var signed = await PostAsync(leader, $"/api/v1/dossiers/{id}/result", new
            {
                outcome = "sign", number = "15/GCN-HKD", signer = "Chủ tịch UBND phường Cam Đường", signedOn = DateOnly.FromDateTime(Day(monday, 2, 15).DateTime), summary = "Giấy chứng nhận đăng ký hộ kinh doanh",
            });
            Assert.Equal(9, Status(signed));
        }
        fixture.At(Day(monday, 3, 9));
        using var returner = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var returned = await PostAsync(returner, $"/api/v1/dossiers/{id}/return", new { channel = "counter", receiverName = "Nguyễn Minh An", receiverIdNumber = "015085001234" });

        Assert.Equal(10, Status(returned));
        Assert.Equal([1, 2, 4, 5, 4, 6, 4, 9, 10], StatusHistory(returned));
        Assert.Equal(
            [(Day(monday, 3, 9), "receipt"), (Day(monday, 4, 10), "supplement-restart"), (Day(monday, 7, 10), "payment-pause")],
            AppointmentHistory(returned));
        Assert.Equal(Day(monday, 3, 9), returned.GetProperty("returnedAt").GetDateTimeOffset());
        Assert.Equal("15/GCN-HKD", returned.GetProperty("result").GetProperty("number").GetString());
    }

    [Fact]
    public async Task BuildingPermit_AtTheCounterWithPayment_ReturnedAfterFifteenWorkingDays()
    {
        var monday = await fixture.NextPlainMondayAsync();
        fixture.At(Day(monday, 0, 9));
        using var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var id = await CreateDraftAsync(oneStop, new
        {
            procedureCode = "cap-giay-phep-xay-dung-nha-o", channel = "counter", applicant = DossierSamples.WalkIn("Lê Văn Cường"), resultDelivery = "counter",
        });
        await UploadAsync(oneStop, id, "don-de-nghi");
        var land = await UploadAsync(oneStop, id, "giay-to-dat");
        var drawings = await UploadAsync(oneStop, id, "ban-ve-thiet-ke");
        using (var update = await oneStop.PutAsJsonAsync($"/api/v1/dossiers/{id}", new { formData = DossierSamples.BuildingPermit(land, drawings) }, Json))
        {
            Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        }

        var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
        Assert.Equal([2, 4], StatusHistory(received));
        Assert.Matches($@"^{Regex(Ward)}-{monday:yyMMdd}-\d{{4}}$", received.GetProperty("code").GetString());
        // Fifteen working days: three weeks on, same time of day.
        Assert.Equal(Day(monday, 21, 9), Appointment(received));
        var slip = await SlipTextAsync(oneStop, id, "01");
        Assert.Contains("Lê Văn Cường", slip, StringComparison.Ordinal);
        Assert.Contains(SlipTime(Day(monday, 21, 9)), slip, StringComparison.Ordinal);

        fixture.At(Day(monday, 2, 9));
        await fixture.CompleteStepAsync(id, "appraise", "propose-approve", Opinion(valid: true));
        fixture.At(Day(monday, 3, 9));
        using (var leader = await fixture.OfficerAsync(OfficerTaskRole(await ReadAsync(id), "approve")))
        {
            await PostAsync(leader, $"/api/v1/dossiers/{id}/result", new
            {
                number = "120/GPXD", signer = "Chủ tịch UBND phường Cam Đường", signedOn = DateOnly.FromDateTime(Day(monday, 3, 9).DateTime),
            });
        }
        using (var fees = await fixture.OfficerAsync(OfficerRole.FeeOfficer))
        {
            var requested = await PostAsync(fees, $"/api/v1/dossiers/{id}/payments", new { });
            Assert.Equal(6, Status(requested));
            var payment = Assert.Single(requested.GetProperty("payments").EnumerateArray());
            Assert.Equal(75000m, payment.GetProperty("amount").GetDecimal());
            // Paid at the counter two office hours later: the appointment moves by those two hours.
            fixture.At(Day(monday, 3, 11));
            var paid = await PostAsync(fees, $"/api/v1/dossiers/{id}/payments/{payment.GetProperty("id").GetGuid()}/record", new { method = "counter", receiptNumber = "BL-0120" });
            Assert.Equal(9, Status(paid));
            Assert.Equal(Day(monday, 21, 11), Appointment(paid));
        }

        fixture.At(Day(monday, 4, 9));
        using var returner = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var returned = await PostAsync(returner, $"/api/v1/dossiers/{id}/return", new { channel = "counter", receiverName = "Lê Văn Cường" });

        Assert.Equal([2, 4, 6, 4, 9, 10], StatusHistory(returned));
        Assert.Equal([(Day(monday, 21, 9), "receipt"), (Day(monday, 21, 11), "payment-pause")], AppointmentHistory(returned));
    }

    [Fact]
    public async Task BuildingPermit_ApplicantWithdrawsDuringProcessing_WithdrawalRequestedThenStopped()
    {
        var monday = await fixture.NextPlainMondayAsync();
        var applicantId = await fixture.CreateApplicantAsync("Phạm Thị Dung");
        using var applicant = await fixture.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new { procedureCode = "cap-giay-phep-xay-dung-nha-o", channel = "online" });
        await UploadAsync(applicant, id, "don-de-nghi");
        var land = await UploadAsync(applicant, id, "giay-to-dat");
        var drawings = await UploadAsync(applicant, id, "ban-ve-thiet-ke");
        using (var update = await applicant.PutAsJsonAsync($"/api/v1/dossiers/{id}", new { formData = DossierSamples.BuildingPermit(land, drawings) }, Json))
        {
            Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        }
        await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
        fixture.At(Day(monday, 0, 9));
        using (var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer))
        {
            await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
        }

        fixture.At(Day(monday, 1, 9));
        using var later = await fixture.ApplicantAsync(applicantId);
        var withdrawing = await PostAsync(later, $"/api/v1/dossiers/{id}/withdrawal", new { reason = "Gia đình thay đổi thiết kế, xin rút hồ sơ." });
        Assert.Equal(7, Status(withdrawing));
        await fixture.CompleteStepAsync(id, "confirm-withdrawal", "stopped");

        var stopped = await GetDossierAsync(later, id);
        Assert.Equal([1, 2, 4, 7, 8], StatusHistory(stopped));
        Assert.Equal(Day(monday, 1, 9), stopped.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Empty(stopped.GetProperty("openTasks").EnumerateArray());
    }

    [Fact]
    public async Task JudicialRecord_OnlineLateWithApology_ReturnedWithTheApprovedAppointment()
    {
        var monday = await fixture.NextPlainMondayAsync(Justice);
        var applicantId = await fixture.CreateApplicantAsync("Hoàng Văn Em");
        using var applicant = await fixture.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new
        {
            procedureCode = "cap-phieu-ly-lich-tu-phap", caseCode = "mac-dinh", channel = "online", resultDelivery = "counter", formData = DossierSamples.JudicialRecord(),
        });
        await UploadAsync(applicant, id, "to-khai");
        await UploadAsync(applicant, id, "giay-to-tuy-than");
        await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);

        fixture.At(Day(monday, 0, 9));
        string code;
        using (var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer, Justice))
        {
            var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
            code = received.GetProperty("code").GetString()!;
            Assert.StartsWith($"{Justice}-{monday:yyMMdd}-", code, StringComparison.Ordinal);
            Assert.Equal(Day(monday, 14, 9), Appointment(received));
        }
        await fixture.CompleteStepAsync(id, "request-verification", "sent", new
        {
            coQuanXacMinh = new[] { "cong-an", "toa-an" }, soVanBan = "125/STP-HCTP", ngayGui = DateOnly.FromDateTime(monday.DateTime),
            noiDungYeuCau = "Đề nghị tra cứu thông tin lý lịch tư pháp của ông Hoàng Văn Em.",
        }, Justice);
        using (var operatorClient = await fixture.SignInOfficerAsync(fixture.OperatorId))
        {
            await PostAsync(operatorClient, "/api/v1/messages", new { messageName = "police-record-answer", correlationKey = code, variables = new { policeAnswer = "Không có án tích" } });
            await PostAsync(operatorClient, "/api/v1/messages", new { messageName = "court-record-answer", correlationKey = code, variables = new { courtAnswer = "Không có thông tin" } });
        }

        // The appointment passes (due Monday two weeks on, 09:00; now Tuesday 09:00): the department proposes an apology, the leader approves it.
        fixture.At(Day(monday, 15, 9));
        Guid apologyId;
        var newAppointment = Day(monday, 16, 17);
        using (var specialist = await fixture.OfficerAsync(OfficerRole.Specialist, Justice))
        {
            var proposed = await PostAsync(specialist, $"/api/v1/dossiers/{id}/apologies", new
            {
                unit = "Phòng Hành chính tư pháp", reason = "Chưa nhận đủ kết quả xác minh của cơ quan Công an.", newAppointmentAt = newAppointment,
            });
            apologyId = Assert.Single(proposed.GetProperty("apologies").EnumerateArray()).GetProperty("id").GetGuid();
        }
        using (var leader = await fixture.OfficerAsync(OfficerRole.UnitLeader, Justice))
        {
            var approved = await PostAsync(leader, $"/api/v1/dossiers/{id}/apologies/{apologyId}/decision", new { approve = true, note = "Đồng ý" });
            Assert.Equal(newAppointment, Appointment(approved));
            var slip = await SlipTextAsync(leader, id, "04");
            Assert.Contains("Chưa nhận đủ kết quả xác minh", slip, StringComparison.Ordinal);
            Assert.Contains(SlipTime(newAppointment), slip, StringComparison.Ordinal);
        }

        await fixture.CompleteStepAsync(id, "draft", "propose-issue", Opinion(valid: true), Justice);
        using (var leader = await fixture.OfficerAsync(OfficerRole.UnitLeader, Justice))
        {
            await PostAsync(leader, $"/api/v1/dossiers/{id}/result", new { number = "2031/LLTP", signer = "Phó Giám đốc Sở Tư pháp", signedOn = DateOnly.FromDateTime(Day(monday, 15, 9).DateTime) });
        }
        fixture.At(Day(monday, 16, 9));
        using var returner = await fixture.OfficerAsync(OfficerRole.OneStopOfficer, Justice);
        var returned = await PostAsync(returner, $"/api/v1/dossiers/{id}/return", new { channel = "counter", receiverName = "Hoàng Văn Em" });

        Assert.Equal([1, 2, 4, 9, 10], StatusHistory(returned));
        Assert.Equal([(Day(monday, 14, 9), "receipt"), (newAppointment, "apology")], AppointmentHistory(returned));
        Assert.Equal("approved", Assert.Single(returned.GetProperty("apologies").EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task JudicialRecord_RefusedAtReceipt_StatusThreeWithItsReasonAndNoCode()
    {
        var monday = await fixture.NextPlainMondayAsync(Justice);
        var applicantId = await fixture.CreateApplicantAsync("Vũ Thị Giang");
        using var applicant = await fixture.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new { procedureCode = "cap-phieu-ly-lich-tu-phap", caseCode = "mac-dinh", channel = "online", formData = DossierSamples.JudicialRecord() });
        await UploadAsync(applicant, id, "to-khai");
        await UploadAsync(applicant, id, "giay-to-tuy-than");
        await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);

        fixture.At(Day(monday, 0, 9));
        using (var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer, Justice))
        {
            await PostAsync(oneStop, $"/api/v1/dossiers/{id}/refuse", new { reason = "Người yêu cầu không cư trú tại tỉnh Lào Cai." });
        }
        await CompleteIfOpenAsync(id, "refuse-receipt", "notified",
            new { loaiThongBao = "tu-choi-tiep-nhan", lyDo = "Người yêu cầu không cư trú tại tỉnh Lào Cai." }, Justice);

        using var later = await fixture.ApplicantAsync(applicantId);
        var refused = await GetDossierAsync(later, id);
        Assert.Equal(3, Status(refused));
        Assert.Equal([1, 3], StatusHistory(refused));
        Assert.Equal("Người yêu cầu không cư trú tại tỉnh Lào Cai.", refused.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("code").ValueKind);
        Assert.Empty(AppointmentHistory(refused));
    }

    [Fact]
    public async Task BirthRegistration_OnlineWithDraftConfirmation_ReturnedTheSameDay()
    {
        var monday = await fixture.NextPlainMondayAsync();
        var applicantId = await fixture.CreateApplicantAsync("Đỗ Thị Hoa");
        using var applicant = await fixture.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new { procedureCode = "dang-ky-khai-sinh", caseCode = "dung-han", channel = "online", resultDelivery = "counter" });
        await UploadAsync(applicant, id, "to-khai");
        var birthCertificate = await UploadAsync(applicant, id, "giay-chung-sinh");
        await UploadAsync(applicant, id, "giay-to-tuy-than");
        using (var update = await applicant.PutAsJsonAsync($"/api/v1/dossiers/{id}", new { formData = DossierSamples.Birth(birthCertificate) }, Json))
        {
            Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        }
        await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);

        fixture.At(Day(monday, 0, 9));
        using (var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer))
        {
            var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
            // A same-day procedure received before 15:00 is due at closing time.
            Assert.Equal(Day(monday, 0, 17), Appointment(received));
        }
        await fixture.CompleteStepAsync(id, "check-parents", "matches");
        await fixture.CompleteStepAsync(id, "record-birth", "recorded");
        using var later = await fixture.ApplicantAsync(applicantId);
        var confirmed = await PostAsync(later, $"/api/v1/dossiers/{id}/confirm-draft", null);
        OpenTask(confirmed, "sign");
        fixture.At(Day(monday, 0, 14));
        using (var leader = await fixture.OfficerAsync(OfficerRole.UnitLeader))
        {
            await PostAsync(leader, $"/api/v1/dossiers/{id}/result", new { number = "312/2026", signer = "Chủ tịch UBND phường Cam Đường", signedOn = DateOnly.FromDateTime(monday.DateTime) });
        }
        fixture.At(Day(monday, 0, 16));
        using var returner = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var returned = await PostAsync(returner, $"/api/v1/dossiers/{id}/return", new { channel = "counter", receiverName = "Đỗ Thị Hoa" });

        Assert.Equal([1, 2, 4, 9, 10], StatusHistory(returned));
        Assert.Equal([(Day(monday, 0, 17), "receipt")], AppointmentHistory(returned));
    }

    [Fact]
    public async Task CivilStatusCopy_AtTheCounter_IssuedAndReturnedTheSameDay()
    {
        var monday = await fixture.NextPlainMondayAsync();
        fixture.At(Day(monday, 0, 15, 30));
        using var oneStop = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var id = await CreateDraftAsync(oneStop, new
        {
            procedureCode = "cap-ban-sao-trich-luc-ho-tich", agencyCode = Ward, channel = "counter", applicant = DossierSamples.WalkIn("Bùi Văn Khánh"), formData = DossierSamples.CivilStatusCopy(),
        });
        await UploadAsync(oneStop, id, "to-khai");
        await UploadAsync(oneStop, id, "giay-to-tuy-than");

        var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
        // Received after 15:00: a same-day procedure is due at closing time the next working day.
        Assert.True(received.GetProperty("appointmentAt").ValueKind == JsonValueKind.String, received.ToString());
        Assert.Equal(Day(monday, 1, 17), Appointment(received));
        Assert.Equal([2, 4], StatusHistory(received));

        fixture.At(Day(monday, 1, 8));
        await fixture.CompleteStepAsync(id, "appraise", "approve", Opinion(valid: true));
        using (var leader = await fixture.OfficerAsync(OfficerTaskRole(await ReadAsync(id), "sign")))
        {
            await PostAsync(leader, $"/api/v1/dossiers/{id}/result", new { number = "45/TLHT-BS", signer = "Phó Chủ tịch UBND phường", signedOn = DateOnly.FromDateTime(Day(monday, 1, 9).DateTime) });
        }
        await fixture.CompleteStepAsync(id, "issue", "issued");
        using var returner = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        var returned = await PostAsync(returner, $"/api/v1/dossiers/{id}/return", new { channel = "counter", receiverName = "Bùi Văn Khánh" });

        Assert.Equal([2, 4, 9, 10], StatusHistory(returned));
        Assert.Equal(10, Status(returned));
    }

    private async Task<JsonElement> ReadAsync(Guid id)
    {
        using var reader = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        return await GetDossierAsync(reader, id);
    }

    private static string OfficerTaskRole(JsonElement dossier, string elementId) =>
        OpenTask(dossier, elementId).GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()!.Split('@')[0]).First(DossierApiFixture.Roles.Contains);

    /// <summary>Where the workflow has a separate notice step after the request (form 02), the officer sends it.</summary>
    private async Task CompleteSupplementNoticeIfOpenAsync(Guid id) =>
        await CompleteIfOpenAsync(id, "request-supplement", "sent", DossierSamples.SupplementNotice());

    private async Task CompleteIfOpenAsync(Guid id, string elementId, string outcome, object variables, string agency = Ward)
    {
        using var reader = await fixture.OfficerAsync(OfficerRole.OneStopOfficer, agency);
        var dossier = await GetDossierAsync(reader, id);
        if (dossier.GetProperty("openTasks").EnumerateArray().Any(t => t.GetProperty("elementId").GetString() == elementId))
        {
            await fixture.CompleteStepAsync(id, elementId, outcome, variables, agency);
        }
    }

    private async Task WaitForOpenStepAsync(Guid id, string elementId)
    {
        using var reader = await fixture.OfficerAsync(OfficerRole.OneStopOfficer);
        await WaitUntilAsync(async () => (await GetDossierAsync(reader, id)).GetProperty("openTasks").EnumerateArray()
            .Any(t => t.GetProperty("elementId").GetString() == elementId), $"step {elementId}");
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
