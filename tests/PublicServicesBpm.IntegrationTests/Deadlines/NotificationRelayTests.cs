using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.IntegrationTests.Dossiers;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Persistence.Notifications;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierApiFixture;

namespace PublicServicesBpm.IntegrationTests.Deadlines;

/// <summary>
/// The notification relay on the real host: what dossier commands and task assignments wrote is told to the applicant
/// or the officer once — whoever wrote it — and the events it read are marked, so a second run finds nothing.
/// </summary>
public sealed class NotificationRelayTests(DeadlinesFixture fixture) : IClassFixture<DeadlinesFixture>
{
    [Fact]
    public async Task RunAsync_OnlineDossierReceived_ApplicantToldOnceAndEventsMarked()
    {
        var monday = await fixture.Dossiers.NextPlainMondayAsync();
        fixture.Dossiers.At(Day(monday, 0, 9));
        var id = await fixture.ReceivedOnlineAsync("Đặng Thị Hạnh");

        Assert.True(await fixture.RelayAsync() > 0);

        var owner = await fixture.QueryAsync(db => db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.OwnerSubject).SingleAsync());
        var receivedEvent = await fixture.QueryAsync(db => db.DossierEvents.AsNoTracking().Where(e => e.DossierId == id && e.Kind == "status" && e.Status == 2).Select(e => e.Id).SingleAsync());
        var sent = Assert.Single(await fixture.NotificationsAsync(id));
        Assert.Equal((RecipientKinds.Applicant, owner, NotificationEvents.Received, $"event:{receivedEvent}:received"), (sent.RecipientKind, sent.RecipientId, sent.Event, sent.DedupeKey));
        Assert.Contains(Code(await fixture.DossierAsync(id)), sent.Subject + sent.Body, StringComparison.Ordinal);
        Assert.Equal(0, await UnnotifiedEventsAsync(id));

        Assert.Equal(0, await fixture.RelayAsync());
        Assert.Single(await fixture.NotificationsAsync(id));
    }

    [Fact]
    public async Task RunAsync_WalkInDossierReceived_ContactToldByTheDossiersPhone()
    {
        var monday = await fixture.Dossiers.NextPlainMondayAsync();
        fixture.Dossiers.At(Day(monday, 0, 9));
        var id = await fixture.ReceivedAtTheCounterAsync("Bùi Văn Khánh");

        await fixture.RelayAsync();

        var sent = Assert.Single(await fixture.NotificationsAsync(id));
        Assert.Equal((RecipientKinds.Contact, id.ToString("D"), NotificationEvents.Received), (sent.RecipientKind, sent.RecipientId, sent.Event));
        // DossierSamples.WalkIn: a phone, no email.
        Assert.Equal(("+84987654321", (string?)null), (sent.Phone, sent.Email));
        Assert.Equal(0, await UnnotifiedEventsAsync(id));
    }

    [Fact]
    public async Task RunAsync_SupplementPaymentAndResult_ApplicantToldOfEachOnce()
    {
        var dossiers = fixture.Dossiers;
        var monday = await dossiers.NextPlainMondayAsync();
        dossiers.At(Day(monday, 0, 9));
        var applicantId = await dossiers.CreateApplicantAsync("Ngô Văn Phúc");
        using var applicant = await dossiers.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new { procedureCode = "dang-ky-ho-kinh-doanh", channel = "online", formData = DossierSamples.HouseholdBusiness() });
        await UploadAsync(applicant, id, "giay-de-nghi");
        await UploadAsync(applicant, id, "giay-to-tuy-than");
        await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
        using (var oneStop = await dossiers.OfficerAsync(OfficerRole.OneStopOfficer))
        {
            await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
        }
        // Relayed as they happen, as the minutely job would.
        await fixture.RelayAsync();

        dossiers.At(Day(monday, 0, 10));
        using (var specialist = await dossiers.OfficerAsync(OfficerRole.Specialist))
        {
            await PostAsync(specialist, $"/api/v1/dossiers/{id}/supplementation-requests", new
            {
                items = new[] { new { componentCode = "giay-to-tuy-than", reason = "Bản sao không đọc được số định danh cá nhân." } },
                guidance = "Nộp lại bản sao rõ nét.",
                formData = new { ketLuan = "chua-dat", yKien = "Hồ sơ còn thiếu giấy tờ hợp lệ.", lyDoChuaDat = "Bản sao giấy tờ tùy thân không đọc được." },
            });
        }
        if (HasOpenStep(await fixture.DossierAsync(id), "request-supplement"))
        {
            await dossiers.CompleteStepAsync(id, "request-supplement", "sent", DossierSamples.SupplementNotice());
        }
        await fixture.RelayAsync();

        dossiers.At(Day(monday, 1, 10));
        using (var again = await dossiers.ApplicantAsync(applicantId))
        {
            await UploadAsync(again, id, "giay-to-tuy-than", "cccd-ro-net.pdf");
            await PostAsync(again, $"/api/v1/dossiers/{id}/supplement", new { note = "Đã nộp bản sao rõ nét." });
        }
        dossiers.At(Day(monday, 1, 11));
        await dossiers.CompleteStepAsync(id, "appraise", "valid", new { ketLuan = "dat", yKien = "Hồ sơ đầy đủ, hợp lệ theo quy định." });
        dossiers.At(Day(monday, 1, 14));
        using (var fees = await dossiers.OfficerAsync(OfficerRole.FeeOfficer))
        {
            var requested = await PostAsync(fees, $"/api/v1/dossiers/{id}/payments", new { });
            Assert.Equal(6, Status(requested));
            await fixture.RelayAsync();
            var payment = Assert.Single(requested.GetProperty("payments").EnumerateArray()).GetProperty("id").GetGuid();
            dossiers.At(Day(monday, 2, 14));
            using var cashier = await dossiers.OfficerAsync(OfficerRole.FeeOfficer);
            await PostAsync(cashier, $"/api/v1/dossiers/{id}/payments/{payment}/record", new { method = "transfer", receiptNumber = "BL-0901" });
        }
        await WaitUntilAsync(async () => HasOpenStep(await fixture.DossierAsync(id), "sign"), "the signing step");
        using (var leader = await dossiers.OfficerAsync(OfficerRole.UnitLeader))
        {
            var signed = await PostAsync(leader, $"/api/v1/dossiers/{id}/result", new
            {
                outcome = "sign", number = "21/GCN-HKD", signer = "Chủ tịch UBND phường Cam Đường", signedOn = DateOnly.FromDateTime(Day(monday, 2, 15).DateTime),
                summary = "Giấy chứng nhận đăng ký hộ kinh doanh",
            });
            Assert.Equal(9, Status(signed));
        }
        await fixture.RelayAsync();

        var sent = await fixture.NotificationsAsync(id);
        Assert.All(sent, n => Assert.Equal(RecipientKinds.Applicant, n.RecipientKind));
        Assert.Equal(
            [NotificationEvents.Received, NotificationEvents.SupplementRequested, NotificationEvents.PaymentRequested, NotificationEvents.ResultReady],
            sent.Select(n => n.Event));
        Assert.Equal(sent.Count, sent.Select(n => n.DedupeKey).Distinct().Count());
        Assert.Equal(0, await UnnotifiedEventsAsync(id));

        Assert.Equal(0, await fixture.RelayAsync());
        Assert.Equal(4, (await fixture.NotificationsAsync(id)).Count);
    }

    [Fact]
    public async Task RunAsync_TaskAssignedByTheDepartmentHead_NewAssigneeToldOnce()
    {
        var dossiers = fixture.Dossiers;
        var monday = await dossiers.NextPlainMondayAsync();
        dossiers.At(Day(monday, 0, 9));
        var id = await fixture.ReceivedAtTheCounterAsync("Hoàng Thị Lan");
        await fixture.RelayAsync();
        var taskId = await fixture.OpenTaskIdAsync(id, "appraise");
        var specialist = dossiers.OfficerId(OfficerRole.Specialist);

        await fixture.AssignAsync(taskId, specialist);
        Assert.True(await fixture.RelayAsync() > 0);

        var instance = await fixture.QueryAsync(db => db.UserTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.InstanceId).SingleAsync());
        var history = await fixture.QueryAsync(db => db.HistoryEvents.AsNoTracking().Where(h => h.Type == "TaskAssigned" && h.InstanceId == instance).ToListAsync());
        var assigned = Assert.Single(history);
        Assert.True(assigned.Notified);
        var told = Assert.Single(await fixture.NotificationsAsync(id), n => n.Event == NotificationEvents.TaskAssigned);
        Assert.Equal(
            (RecipientKinds.Officer, specialist.ToString("D"), $"history:{assigned.Id}:{specialist:D}"),
            (told.RecipientKind, told.RecipientId, told.DedupeKey));

        Assert.Equal(0, await fixture.RelayAsync());
        Assert.Single(await fixture.NotificationsAsync(id), n => n.Event == NotificationEvents.TaskAssigned);
    }

    [Fact]
    public async Task Notifications_RelayedAndMonitored_NoPlaceholderLeftInTheirTexts()
    {
        var dossiers = fixture.Dossiers;
        var monday = await dossiers.NextPlainMondayAsync();
        dossiers.At(Day(monday, 0, 9));
        var id = await fixture.ReceivedOnlineAsync("Trịnh Văn Quang");
        var taskId = await fixture.OpenTaskIdAsync(id, "appraise");
        await fixture.AssignAsync(taskId, dossiers.OfficerId(OfficerRole.Specialist));
        await fixture.RelayAsync();
        // The monitor every half hour until past the appointment: reminder, overdue, escalations and the apology proposal.
        var appointment = Appointment(await fixture.DossierAsync(id));
        for (var at = Day(monday, 0, 9); at <= appointment.AddHours(1); at = at.AddMinutes(30))
        {
            dossiers.At(at);
            await fixture.ScanAsync();
        }

        var sent = await fixture.NotificationsAsync(id);
        Assert.Superset(
            new HashSet<string> { NotificationEvents.Received, NotificationEvents.TaskAssigned, NotificationEvents.Overdue, NotificationEvents.Escalation, NotificationEvents.ApologyProposal },
            sent.Select(n => n.Event).ToHashSet());
        // Every template value the texts ask for is given: no "{agency}", "{officer}"… reaches a person.
        var unfilled = sent.Where(n => Placeholder(n.Subject + "\n" + n.Body) is not null).Select(n => $"{n.Event}: {Placeholder(n.Subject + "\n" + n.Body)}").Distinct().ToList();
        Assert.True(unfilled.Count == 0, "unfilled placeholders: " + string.Join("; ", unfilled));
    }

    private Task<int> UnnotifiedEventsAsync(Guid id) => fixture.QueryAsync(db => db.DossierEvents.CountAsync(e => e.DossierId == id && !e.Notified));

    private static bool HasOpenStep(System.Text.Json.JsonElement dossier, string elementId) =>
        dossier.GetProperty("openTasks").EnumerateArray().Any(t => t.GetProperty("elementId").GetString() == elementId);

    private static string Code(System.Text.Json.JsonElement dossier) => dossier.GetProperty("code").GetString()!;

    private static string? Placeholder(string text) =>
        System.Text.RegularExpressions.Regex.Match(text, @"\{[A-Za-z][A-Za-z0-9]*\}") is { Success: true } match ? match.Value : null;
}
