using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Deadlines;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.IntegrationTests.Dossiers;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Persistence.Notifications;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierApiFixture;

namespace PublicServicesBpm.IntegrationTests.Deadlines;

/// <summary>
/// The deadline monitor on the real host with a fake clock (issue 9, item 4): a household business registration at
/// the ward (three working days) and its appraisal step (one working day) go near due, overdue and on to the unit
/// leader; the dossier is proposed an apology, passes its appointment, gets an approved apology with a new appointment,
/// and the applicant is told. Each run is repeated at the same instant to show it adds nothing.
/// </summary>
public sealed class DeadlineMonitorTests(DeadlinesFixture fixture) : IClassFixture<DeadlinesFixture>
{
    private static readonly DeadlineThresholds Thresholds = new(new DeadlineOptions());

    [Fact]
    public async Task ScanAsync_DossierThroughNearDueOverdueEscalationAndApology_EachPersonToldOnce()
    {
        var dossiers = fixture.Dossiers;
        var monday = await dossiers.NextPlainMondayAsync();
        dossiers.At(Day(monday, 0, 9));
        var id = await fixture.ReceivedOnlineAsync("Nguyễn Minh An");
        var received = await fixture.DossierAsync(id);
        var appointment = Appointment(received);
        Assert.Equal(Day(monday, 3, 9), appointment);
        var taskId = OpenTask(received, "appraise").GetProperty("id").GetString()!;
        var task = await fixture.QueryAsync(db => db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        var due = task.DueAt!.Value;
        var calendar = await fixture.CalendarAsync();
        var taskNearDue = Thresholds.NearDueAt(calendar, task.CreatedAt, due);
        var leaderAt = Thresholds.LeaderEscalationAt(calendar, due);
        var dossierNearDue = Thresholds.NearDueAt(calendar, Day(monday, 0, 9), appointment);
        // The story needs its thresholds in this order (one-day step, three-day dossier on the ward's 7.5-hour days).
        Assert.True(Day(monday, 0, 9) < taskNearDue && taskNearDue < due && due < leaderAt && leaderAt < dossierNearDue && dossierNearDue < appointment,
            $"thresholds out of order: {taskNearDue:O} {due:O} {leaderAt:O} {dossierNearDue:O} {appointment:O}");
        var specialist = fixture.Officer(OfficerRole.Specialist);
        var head = fixture.Officer(OfficerRole.DepartmentHead);
        var leader = fixture.Officer(OfficerRole.UnitLeader);
        var taskKey = $"sla:task:{taskId}:{Key(due)}";
        var dossierKey = $"sla:dossier:{id:D}:{Key(appointment)}";

        // Seen at receipt: next check at the near-due instants, nobody told.
        var seen = await fixture.ScanAsync();
        Assert.True(seen.TasksSeen >= 1 && seen.DossiersSeen >= 1, seen.ToString());
        var watched = await fixture.QueryAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal((appointment, (short)0, dossierNearDue), (watched.SlaDueAt!.Value, watched.SlaStage, watched.SlaCheckAt!.Value));
        var watchedTask = await fixture.QueryAsync(db => db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        Assert.Equal((due, (short)0, taskNearDue), (watchedTask.SlaDueAt!.Value, watchedTask.SlaStage, watchedTask.SlaCheckAt!.Value));

        dossiers.At(taskNearDue.AddMinutes(-1));
        await fixture.ScanAsync();
        Assert.Empty(await fixture.NotificationsAsync(id));

        // Near due, unclaimed: the reminder goes to the officers of its group (the ward's specialists).
        dossiers.At(taskNearDue);
        await ScanTwiceAsync();
        await AssertSentAsync(id, (specialist, NotificationEvents.Reminder, $"{taskKey}:near-due:{specialist}"));

        // The specialist takes it; overdue: the holder is told, the department head gets the escalation.
        await fixture.ClaimAsync(taskId, OfficerRole.Specialist);
        dossiers.At(due);
        await ScanTwiceAsync();
        await AssertSentAsync(id,
            (specialist, NotificationEvents.Reminder, $"{taskKey}:near-due:{specialist}"),
            (specialist, NotificationEvents.Overdue, $"{taskKey}:overdue:{specialist}"),
            (head, NotificationEvents.Escalation, $"{taskKey}:escalation-head:{head}"));

        // Eight working hours later it goes on to the unit leader.
        dossiers.At(leaderAt.AddMinutes(-1));
        await fixture.ScanAsync();
        Assert.Equal(3, (await fixture.NotificationsAsync(id)).Count);
        dossiers.At(leaderAt);
        await ScanTwiceAsync();
        Assert.Contains(await fixture.NotificationsAsync(id), n => n.Event == NotificationEvents.Escalation && n.DedupeKey == $"{taskKey}:escalation-leader:{leader}");

        // The dossier will be late: its holder and the department head are proposed an apology with a new appointment (form 04).
        dossiers.At(dossierNearDue);
        await ScanTwiceAsync();
        var proposed = Thresholds.ProposedAppointment(calendar, Day(monday, 0, 9), appointment);
        var proposals = (await fixture.NotificationsAsync(id)).Where(n => n.Event == NotificationEvents.ApologyProposal).ToList();
        Assert.Equal(
            new[] { (head, $"{dossierKey}:apology-proposal:{head}"), (specialist, $"{dossierKey}:apology-proposal:{specialist}") }.OrderBy(p => p.Item2, StringComparer.Ordinal),
            proposals.Select(n => (n.RecipientId, n.DedupeKey)).OrderBy(p => p.Item2, StringComparer.Ordinal));
        Assert.All(proposals, n => Assert.Contains(VietnamTime(proposed), n.Body, StringComparison.Ordinal));

        // Past the appointment: escalated to the department head and the unit leader.
        dossiers.At(appointment);
        await ScanTwiceAsync();
        await AssertSentAsync(id,
            (specialist, NotificationEvents.Reminder, $"{taskKey}:near-due:{specialist}"),
            (specialist, NotificationEvents.Overdue, $"{taskKey}:overdue:{specialist}"),
            (head, NotificationEvents.Escalation, $"{taskKey}:escalation-head:{head}"),
            (leader, NotificationEvents.Escalation, $"{taskKey}:escalation-leader:{leader}"),
            (specialist, NotificationEvents.ApologyProposal, $"{dossierKey}:apology-proposal:{specialist}"),
            (head, NotificationEvents.ApologyProposal, $"{dossierKey}:apology-proposal:{head}"),
            (head, NotificationEvents.Escalation, $"{dossierKey}:overdue:{head}"),
            (leader, NotificationEvents.Escalation, $"{dossierKey}:overdue:{leader}"));

        // The apology is approved with a new appointment: the monitor watches the new one, the applicant is told.
        dossiers.At(appointment.AddMinutes(15));
        var newAppointment = Day(monday, 7, 16);
        await ApproveApologyAsync(id, newAppointment);
        var again = await fixture.ScanAsync();
        Assert.True(again.DossiersSeen >= 1, again.ToString());
        var rewatched = await fixture.QueryAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(
            (newAppointment, DeadlineThresholds.Watching, Thresholds.NearDueAt(calendar, Day(monday, 0, 9), newAppointment)),
            (rewatched.SlaDueAt!.Value, rewatched.SlaStage, rewatched.SlaCheckAt!.Value));
        Assert.Equal(8, (await fixture.NotificationsAsync(id)).Count);

        await fixture.RelayAsync();
        var owner = await fixture.QueryAsync(db => db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.OwnerSubject).SingleAsync());
        var apology = Assert.Single(await fixture.NotificationsAsync(id), n => n.Event == NotificationEvents.LateWithApology);
        Assert.Equal((RecipientKinds.Applicant, owner), (apology.RecipientKind, apology.RecipientId));
        Assert.Contains(VietnamTime(newAppointment), apology.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_NothingDue_ReadsFourIndexesAndWritesNothing()
    {
        var dossiers = fixture.Dossiers;
        var monday = await dossiers.NextPlainMondayAsync();
        dossiers.At(Day(monday, 0, 9));
        await fixture.ReceivedAtTheCounterAsync("Trần Văn Bình");
        await fixture.ScanAsync();
        var before = await fixture.NotificationCountAsync();

        var idle = await fixture.ScanAsync();

        // One probe each: unseen tasks, tasks due, unseen dossiers, dossiers due.
        Assert.Equal(new DeadlineMonitor.ScanResult(0, 0, 0, 0, 0, 4), idle);
        Assert.Equal(before, await fixture.NotificationCountAsync());
    }

    [Fact]
    public async Task ScanAsync_TwoMonitorsAtOnce_EachCrossingHandledOnceAndEachNotificationWrittenOnce()
    {
        var dossiers = fixture.Dossiers;
        var monday = await dossiers.NextPlainMondayAsync();
        dossiers.At(Day(monday, 0, 9));
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await fixture.ReceivedAtTheCounterAsync($"Người nộp {i + 1}"));
        }
        await fixture.ScanAsync();
        var taskId = await fixture.OpenTaskIdAsync(ids[0], "appraise");
        var task = await fixture.QueryAsync(db => db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        dossiers.At(Thresholds.NearDueAt(await fixture.CalendarAsync(), task.CreatedAt, task.DueAt!.Value));
        var now = dossiers.Clock.GetUtcNow();
        var dueTasks = await fixture.QueryAsync(db => db.UserTasks.CountAsync(t => t.Status == "open" && t.SlaCheckAt <= now && t.SlaDueAt == t.DueAt));
        var dueDossiers = await fixture.QueryAsync(db => db.Dossiers.CountAsync(d => (d.Status == 2 || d.Status == 4) && d.SlaCheckAt <= now && d.SlaDueAt == d.AppointmentAt));
        Assert.True(dueTasks >= 4, $"{dueTasks} task(s) due");
        var before = await fixture.NotificationCountAsync();

        // Batches of one, so that the two really take turns over the rows.
        var small = new DeadlineOptions { BatchSize = 1 };
        var results = await Task.WhenAll(fixture.ScanAsync(small), fixture.ScanAsync(small));

        Assert.Equal(dueTasks, results.Sum(r => r.TaskCrossings));
        Assert.Equal(dueDossiers, results.Sum(r => r.DossierCrossings));
        Assert.Equal(await fixture.NotificationCountAsync() - before, results.Sum(r => r.Notifications));
        var specialist = fixture.Officer(OfficerRole.Specialist);
        foreach (var id in ids)
        {
            var reminder = Assert.Single(await fixture.NotificationsAsync(id));
            Assert.Equal((specialist, NotificationEvents.Reminder), (reminder.RecipientId, reminder.Event));
        }
        var afterwards = await fixture.ScanAsync();
        Assert.Equal((0, 0), (afterwards.TaskCrossings, afterwards.Notifications));
    }

    [Fact]
    public async Task ScanAsync_DossierPausedForSupplementPastItsAppointment_NotEscalated()
    {
        var dossiers = fixture.Dossiers;
        var monday = await dossiers.NextPlainMondayAsync();
        dossiers.At(Day(monday, 0, 9));
        var paused = await fixture.ReceivedAtTheCounterAsync("Lê Thị Cúc");
        var running = await fixture.ReceivedAtTheCounterAsync("Phạm Văn Dũng");
        var appointment = Appointment(await fixture.DossierAsync(paused));
        await fixture.ScanAsync();

        dossiers.At(Day(monday, 0, 10));
        using (var specialist = await dossiers.OfficerAsync(OfficerRole.Specialist))
        {
            await PostAsync(specialist, $"/api/v1/dossiers/{paused}/supplementation-requests", new
            {
                items = new[] { new { componentCode = "giay-to-tuy-than", reason = "Bản sao không đọc được số định danh cá nhân." } },
                guidance = "Nộp lại bản sao rõ nét.",
                formData = new { ketLuan = "chua-dat", yKien = "Hồ sơ còn thiếu giấy tờ hợp lệ.", lyDoChuaDat = "Bản sao giấy tờ tùy thân không đọc được." },
            });
        }
        if ((await fixture.DossierAsync(paused)).GetProperty("openTasks").EnumerateArray().Any(t => t.GetProperty("elementId").GetString() == "request-supplement"))
        {
            await dossiers.CompleteStepAsync(paused, "request-supplement", "sent", DossierSamples.SupplementNotice());
        }
        Assert.Equal(5, Status(await fixture.DossierAsync(paused)));
        await fixture.ScanAsync();

        dossiers.At(appointment.AddHours(1));
        await fixture.ScanAsync();

        Assert.Contains(await fixture.NotificationsAsync(running), n => n.DedupeKey.StartsWith($"sla:dossier:{running:D}:", StringComparison.Ordinal) && n.Event == NotificationEvents.Escalation);
        Assert.DoesNotContain(await fixture.NotificationsAsync(paused), n => n.DedupeKey.StartsWith($"sla:dossier:{paused:D}:", StringComparison.Ordinal));
        Assert.Equal(5, Status(await fixture.DossierAsync(paused)));
    }

    [Fact]
    public async Task ScanAsync_EveryTaskThresholdPassedBetweenTwoRuns_HolderAndDepartmentHeadToldAsWellAsTheLeader()
    {
        // The monitor did not run for a while (hosts down over a weekend, or the job failing): when it runs again the
        // step is past its due time and past the leader's threshold. The escalation chain must not lose its first links.
        var dossiers = fixture.Dossiers;
        var monday = await dossiers.NextPlainMondayAsync();
        dossiers.At(Day(monday, 0, 9));
        var id = await fixture.ReceivedAtTheCounterAsync("Vũ Văn Long");
        var taskId = await fixture.OpenTaskIdAsync(id, "appraise");
        await fixture.ClaimAsync(taskId, OfficerRole.Specialist);
        await fixture.ScanAsync();
        var task = await fixture.QueryAsync(db => db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));

        dossiers.At(Thresholds.LeaderEscalationAt(await fixture.CalendarAsync(), task.DueAt!.Value).AddHours(1));
        await fixture.ScanAsync();

        var told = (await fixture.NotificationsAsync(id)).Where(n => n.DedupeKey.StartsWith("sla:task:", StringComparison.Ordinal)).Select(n => (n.RecipientId, n.Event)).ToHashSet();
        Assert.Superset(
            new HashSet<(string, string)>
            {
                (fixture.Officer(OfficerRole.Specialist), NotificationEvents.Overdue),
                (fixture.Officer(OfficerRole.DepartmentHead), NotificationEvents.Escalation),
                (fixture.Officer(OfficerRole.UnitLeader), NotificationEvents.Escalation),
            },
            told);
    }

    /// <summary>Runs the monitor, then again at the same instant: the second run finds nothing and costs the four idle probes.</summary>
    private async Task ScanTwiceAsync()
    {
        var first = await fixture.ScanAsync();
        Assert.True(first.TaskCrossings + first.DossierCrossings > 0, "nothing crossed: " + first);
        var count = await fixture.NotificationCountAsync();
        var second = await fixture.ScanAsync();
        Assert.Equal(new DeadlineMonitor.ScanResult(0, 0, 0, 0, 0, 4), second);
        Assert.Equal(count, await fixture.NotificationCountAsync());
    }

    private async Task AssertSentAsync(Guid id, params (string Officer, string Event, string DedupeKey)[] expected)
    {
        var sent = await fixture.NotificationsAsync(id);
        Assert.All(sent, n => Assert.Equal(RecipientKinds.Officer, n.RecipientKind));
        Assert.Equal(expected.OrderBy(e => e.DedupeKey, StringComparer.Ordinal), sent.Select(n => (n.RecipientId, n.Event, n.DedupeKey)).OrderBy(e => e.DedupeKey, StringComparer.Ordinal));
    }

    private async Task ApproveApologyAsync(Guid id, DateTimeOffset newAppointment)
    {
        Guid apologyId;
        using (var specialist = await fixture.Dossiers.OfficerAsync(OfficerRole.Specialist))
        {
            var proposed = await PostAsync(specialist, $"/api/v1/dossiers/{id}/apologies", new
            {
                unit = "Bộ phận đăng ký kinh doanh", reason = "Chưa nhận được kết quả xác minh địa điểm kinh doanh.", newAppointmentAt = newAppointment,
            });
            apologyId = Assert.Single(proposed.GetProperty("apologies").EnumerateArray()).GetProperty("id").GetGuid();
        }
        using var leader = await fixture.Dossiers.OfficerAsync(OfficerRole.UnitLeader);
        var approved = await PostAsync(leader, $"/api/v1/dossiers/{id}/apologies/{apologyId}/decision", new { approve = true, note = "Đồng ý" });
        Assert.Equal(newAppointment, Appointment(approved));
    }

    private static string Key(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static string VietnamTime(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
