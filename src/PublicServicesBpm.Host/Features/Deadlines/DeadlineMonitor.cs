using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Host.Features.Deadlines;

/// <summary>
/// The deadline monitor (B4, H20): watches open user tasks with a due time and dossiers whose clock runs (received,
/// processing) with an appointment, on their agency's business calendar. A task becomes near due (reminder to its
/// holder or its groups), overdue (a second reminder, escalation to the department head), then goes on to the unit
/// leader; a dossier becomes near due (an apology with a proposed new appointment, form 04, is suggested to the unit)
/// and overdue (escalation to the department head and the unit leader).
/// <para>
/// Its cost follows the items that cross a threshold, not the items open: each row carries the due time it has seen
/// (<c>sla_due_at</c>), its stage and the instant of its next threshold (<c>sla_check_at</c>), and two partial indexes
/// hold only the rows not seen yet (new, or whose due time moved — a pause, an apology) and the rows' next thresholds.
/// An idle run is four index probes. Rows are claimed <c>FOR UPDATE SKIP LOCKED</c> in batches, one commit per batch
/// with the notifications it makes, so several hosts may run it at once and nobody is told twice.
/// </para>
/// </summary>
internal sealed class DeadlineMonitor(
    AppDbContext db, IBusinessCalendarSource calendars, Notifier notifier, TimeProvider clock, IOptions<DeadlineOptions> options, ILogger<DeadlineMonitor> logger)
{
    private readonly DeadlineThresholds _thresholds = new(options.Value);

    public sealed record ScanResult(int TasksSeen, int TaskCrossings, int DossiersSeen, int DossierCrossings, int Notifications, int Queries);

    private int _queries;
    private int _notifications;

    /// <summary>One run: every unseen item gets its next threshold, every crossing is handled; loops by batches until nothing is left.</summary>
    public async Task<ScanResult> ScanAsync(CancellationToken cancellationToken)
    {
        _queries = 0;
        _notifications = 0;
        var now = clock.GetUtcNow();
        var tasksSeen = await LoopAsync(() => SeeTasksAsync(now, cancellationToken));
        var taskCrossings = await LoopAsync(() => CrossTasksAsync(now, cancellationToken));
        var dossiersSeen = await LoopAsync(() => SeeDossiersAsync(now, cancellationToken));
        var dossierCrossings = await LoopAsync(() => CrossDossiersAsync(now, cancellationToken));
        if (taskCrossings + dossierCrossings > 0)
        {
            logger.LogInformation("Deadline monitor: {Tasks} task and {Dossiers} dossier threshold(s) crossed, {Notifications} notification(s)",
                taskCrossings, dossierCrossings, _notifications);
        }
        return new ScanResult(tasksSeen, taskCrossings, dossiersSeen, dossierCrossings, _notifications, _queries);
    }

    private async Task<int> LoopAsync(Func<Task<int>> batch)
    {
        var total = 0;
        int count;
        do
        {
            count = await batch();
            total += count;
        }
        while (count == options.Value.BatchSize);
        return total;
    }

    // ---- tasks ----

    private sealed record TaskRow(string Id, string? Name, DateTimeOffset CreatedAt, DateTimeOffset DueAt, short Stage, string? Assignee, string[] Groups,
        Guid? DossierId, string? Code, string? Agency, string? Procedure, string? AssigneeName, string? AgencyName);

    private Task<int> SeeTasksAsync(DateTimeOffset now, CancellationToken cancellationToken) => InTransactionAsync(async (connection, transaction) =>
    {
        var rows = await ReadTasksAsync(connection, transaction, """
            WHERE t.status = 'open' AND t.due_at IS NOT NULL AND t.sla_due_at IS DISTINCT FROM t.due_at
            ORDER BY t.created_at
            """, now, cancellationToken);
        var updates = new List<(string Id, DateTimeOffset Due, short Stage, DateTimeOffset? Check)>();
        foreach (var row in rows)
        {
            var calendar = await calendars.ForAgencyAsync(row.Agency, cancellationToken);
            // A newly seen item starts watching: if a threshold already passed, the crossing pass of this run handles it.
            updates.Add((row.Id, row.DueAt, DeadlineThresholds.Watching, _thresholds.NextTaskCheck(calendar, row.CreatedAt, row.DueAt, DeadlineThresholds.Watching)));
        }
        await UpdateTasksAsync(connection, transaction, updates, cancellationToken);
        return rows.Count;
    }, cancellationToken);

    private Task<int> CrossTasksAsync(DateTimeOffset now, CancellationToken cancellationToken) => InTransactionAsync(async (connection, transaction) =>
    {
        var rows = await ReadTasksAsync(connection, transaction, """
            WHERE t.status = 'open' AND t.sla_check_at IS NOT NULL AND t.sla_due_at = t.due_at AND t.sla_check_at <= @now
            ORDER BY t.sla_check_at
            """, now, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }
        var groups = rows.SelectMany(r => OfficerDirectory.Groups(r.Groups, r.Agency))
            .Concat(rows.Where(r => r.Agency is not null).SelectMany(r => new[] { (OfficerRole.DepartmentHead, r.Agency!), (OfficerRole.UnitLeader, r.Agency!) }))
            .ToHashSet();
        var members = await OfficerDirectory.MembersAsync(connection, transaction, groups, now, cancellationToken);
        _queries++;
        var updates = new List<(string Id, DateTimeOffset Due, short Stage, DateTimeOffset? Check)>();
        var requests = new List<NotificationRequest>();
        foreach (var row in rows)
        {
            var calendar = await calendars.ForAgencyAsync(row.Agency, cancellationToken);
            var stage = _thresholds.TaskStage(calendar, row.CreatedAt, row.DueAt, now);
            // Every stage passed since the last look is told (a missed run must not lose the escalation to the head),
            // except a near-due reminder for a step that is overdue already.
            for (var passed = (short)(row.Stage + 1); passed <= stage; passed++)
            {
                if (passed != DeadlineThresholds.NearDue || stage == DeadlineThresholds.NearDue)
                {
                    requests.AddRange(TaskNotifications(row, passed, members));
                }
            }
            var reached = Math.Max(stage, row.Stage);
            updates.Add((row.Id, row.DueAt, (short)reached, _thresholds.NextTaskCheck(calendar, row.CreatedAt, row.DueAt, (short)reached)));
        }
        await UpdateTasksAsync(connection, transaction, updates, cancellationToken);
        await NotifyAsync(requests, cancellationToken);
        return rows.Count;
    }, cancellationToken);

    private static IEnumerable<NotificationRequest> TaskNotifications(TaskRow row, short stage, Dictionary<(string, string), List<Guid>> members)
    {
        var values = new Dictionary<string, string>
        {
            ["code"] = row.Code ?? string.Empty,
            ["step"] = row.Name ?? string.Empty,
            ["dueAt"] = VietnamTime(row.DueAt),
            ["procedure"] = row.Procedure ?? string.Empty,
            ["officer"] = row.AssigneeName ?? "—",
            ["agency"] = row.AgencyName ?? string.Empty,
        };
        var link = $"/workspace/tasks/{Uri.EscapeDataString(row.Id)}";
        var holders = row.Assignee is { } assignee
            ? [assignee]
            : OfficerDirectory.Groups(row.Groups, row.Agency).SelectMany(g => members.GetValueOrDefault(g) ?? []).Select(id => id.ToString("D")).Distinct().ToList();
        var dueKey = row.DueAt.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        NotificationRequest To(string officer, string notificationEvent, string stageName) => new(
            new NotificationRecipient(RecipientKinds.Officer, officer), notificationEvent, values, link, row.DossierId,
            $"sla:task:{row.Id}:{dueKey}:{stageName}:{officer}");
        switch (stage)
        {
            case DeadlineThresholds.NearDue:
                return holders.Select(h => To(h, NotificationEvents.Reminder, "near-due"));
            case DeadlineThresholds.Overdue:
                return holders.Select(h => To(h, NotificationEvents.Overdue, "overdue"))
                    .Concat(Members(members, OfficerRole.DepartmentHead, row.Agency).Select(h => To(h, NotificationEvents.Escalation, "escalation-head")));
            default:
                return Members(members, OfficerRole.UnitLeader, row.Agency).Select(h => To(h, NotificationEvents.Escalation, "escalation-leader"));
        }
    }

    private async Task<List<TaskRow>> ReadTasksAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string where, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT t.id, t.name, t.created_at, t.due_at, t.sla_stage, t.assignee, t.candidate_groups, d.id, d.code, d.agency_code,
                {ProcedureName}, (SELECT a.full_name FROM app.officer_accounts a WHERE a.id::text = t.assignee), {AgencyName}
            FROM bpm.user_tasks t
            LEFT JOIN app.dossiers d ON d.process_instance_id = t.instance_id
            {where}
            LIMIT @limit
            FOR UPDATE OF t SKIP LOCKED
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("limit", options.Value.BatchSize);
        _queries++;
        var rows = new List<TaskRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TaskRow(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetInt16(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<string[]>(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        return rows;
    }

    private async Task UpdateTasksAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<(string Id, DateTimeOffset Due, short Stage, DateTimeOffset? Check)> updates,
        CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            UPDATE bpm.user_tasks t SET sla_due_at = u.due, sla_stage = u.stage, sla_check_at = u.check_at
            FROM unnest(@ids, @dues, @stages, @checks) AS u(id, due, stage, check_at)
            WHERE t.id = u.id
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", updates.Select(u => u.Id).ToArray());
        // The calendar answers in Vietnam's time; PostgreSQL's timestamptz takes UTC from Npgsql.
        command.Parameters.AddWithValue("dues", updates.Select(u => u.Due.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("stages", updates.Select(u => u.Stage).ToArray());
        command.Parameters.AddWithValue("checks", updates.Select(u => u.Check?.ToUniversalTime()).ToArray());
        _queries++;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // ---- dossiers ----

    private sealed record DossierRow(
        Guid Id, string? Code, string Agency, string Procedure, DateTimeOffset Start, DateTimeOffset Appointment, short Stage, string[] Holders,
        string[] HolderNames, string[] Steps, string AgencyName, string Applicant);

    private Task<int> SeeDossiersAsync(DateTimeOffset now, CancellationToken cancellationToken) => InTransactionAsync(async (connection, transaction) =>
    {
        var rows = await ReadDossiersAsync(connection, transaction, """
            WHERE d.status IN (2, 4) AND d.appointment_at IS NOT NULL AND d.sla_due_at IS DISTINCT FROM d.appointment_at
            ORDER BY d.received_at
            """, now, withHolders: false, cancellationToken);
        var updates = new List<(Guid Id, DateTimeOffset Due, short Stage, DateTimeOffset? Check)>();
        foreach (var row in rows)
        {
            var calendar = await calendars.ForAgencyAsync(row.Agency, cancellationToken);
            updates.Add((row.Id, row.Appointment, DeadlineThresholds.Watching,
                _thresholds.NextDossierCheck(calendar, row.Start, row.Appointment, DeadlineThresholds.Watching)));
        }
        await UpdateDossiersAsync(connection, transaction, updates, cancellationToken);
        return rows.Count;
    }, cancellationToken);

    private Task<int> CrossDossiersAsync(DateTimeOffset now, CancellationToken cancellationToken) => InTransactionAsync(async (connection, transaction) =>
    {
        var rows = await ReadDossiersAsync(connection, transaction, """
            WHERE d.status IN (2, 4) AND d.sla_check_at IS NOT NULL AND d.sla_due_at = d.appointment_at AND d.sla_check_at <= @now
            ORDER BY d.sla_check_at
            """, now, withHolders: true, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }
        var groups = rows.SelectMany(r => new[] { (OfficerRole.DepartmentHead, r.Agency), (OfficerRole.UnitLeader, r.Agency) }).ToHashSet();
        var members = await OfficerDirectory.MembersAsync(connection, transaction, groups, now, cancellationToken);
        _queries++;
        var updates = new List<(Guid Id, DateTimeOffset Due, short Stage, DateTimeOffset? Check)>();
        var requests = new List<NotificationRequest>();
        foreach (var row in rows)
        {
            var calendar = await calendars.ForAgencyAsync(row.Agency, cancellationToken);
            var stage = _thresholds.DossierStage(calendar, row.Start, row.Appointment, now);
            // Every stage passed is told: a dossier found overdue still needs its apology proposed.
            for (var passed = (short)(row.Stage + 1); passed <= stage; passed++)
            {
                requests.AddRange(DossierNotifications(row, passed, calendar, members));
            }
            var reached = (short)Math.Max(stage, row.Stage);
            updates.Add((row.Id, row.Appointment, reached, _thresholds.NextDossierCheck(calendar, row.Start, row.Appointment, reached)));
        }
        await UpdateDossiersAsync(connection, transaction, updates, cancellationToken);
        await NotifyAsync(requests, cancellationToken);
        return rows.Count;
    }, cancellationToken);

    private IEnumerable<NotificationRequest> DossierNotifications(DossierRow row, short stage, IBusinessCalendar calendar, Dictionary<(string, string), List<Guid>> members)
    {
        var values = new Dictionary<string, string>
        {
            ["code"] = row.Code ?? string.Empty,
            ["procedure"] = row.Procedure,
            ["appointment"] = VietnamTime(row.Appointment),
            ["newAppointment"] = VietnamTime(_thresholds.ProposedAppointment(calendar, row.Start, row.Appointment)),
            ["dueAt"] = VietnamTime(row.Appointment),
            ["step"] = row.Steps.Length > 0 ? string.Join(", ", row.Steps) : "—",
            ["officer"] = row.HolderNames.Length > 0 ? string.Join(", ", row.HolderNames) : "—",
            ["agency"] = row.AgencyName,
            ["applicant"] = row.Applicant,
        };
        var link = $"/workspace/dossiers/{row.Id:D}";
        var dueKey = row.Appointment.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        NotificationRequest To(string officer, string notificationEvent, string stageName) => new(
            new NotificationRecipient(RecipientKinds.Officer, officer), notificationEvent, values, link, row.Id,
            $"sla:dossier:{row.Id:D}:{dueKey}:{stageName}:{officer}");
        var heads = Members(members, OfficerRole.DepartmentHead, row.Agency);
        if (stage == DeadlineThresholds.NearDue)
        {
            // The apology is drafted by the unit (whoever holds the dossier's steps) and its head (lifecycle.md, form 04).
            return row.Holders.Concat(heads).Distinct().Select(h => To(h, NotificationEvents.ApologyProposal, "apology-proposal"));
        }
        return heads.Concat(Members(members, OfficerRole.UnitLeader, row.Agency)).Distinct().Select(h => To(h, NotificationEvents.Escalation, "overdue"));
    }

    private async Task<List<DossierRow>> ReadDossiersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string where, DateTimeOffset now, bool withHolders, CancellationToken cancellationToken)
    {
        var holders = withHolders
            ? """
              ARRAY(SELECT t.assignee FROM bpm.user_tasks t WHERE t.instance_id = d.process_instance_id AND t.status = 'open' AND t.assignee IS NOT NULL),
              ARRAY(SELECT a.full_name FROM bpm.user_tasks t JOIN app.officer_accounts a ON a.id::text = t.assignee
                    WHERE t.instance_id = d.process_instance_id AND t.status = 'open'),
              ARRAY(SELECT coalesce(t.name, t.element_id) FROM bpm.user_tasks t WHERE t.instance_id = d.process_instance_id AND t.status = 'open')
              """
            : "ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::text[]";
        await using var command = new NpgsqlCommand($"""
            SELECT d.id, d.code, d.agency_code, {ProcedureName}, coalesce(d.received_at, d.submitted_at, d.created_at), d.appointment_at, d.sla_stage, {holders}, {AgencyName}, coalesce(d.applicant->>'fullName', '')
            FROM app.dossiers d
            {where}
            LIMIT @limit
            FOR UPDATE OF d SKIP LOCKED
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("limit", options.Value.BatchSize);
        _queries++;
        var rows = new List<DossierRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DossierRow(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt16(6), reader.GetFieldValue<string[]>(7),
                reader.GetFieldValue<string[]>(8), reader.GetFieldValue<string[]>(9), reader.GetString(10), reader.GetString(11)));
        }
        return rows;
    }

    private async Task UpdateDossiersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<(Guid Id, DateTimeOffset Due, short Stage, DateTimeOffset? Check)> updates,
        CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            UPDATE app.dossiers d SET sla_due_at = u.due, sla_stage = u.stage, sla_check_at = u.check_at
            FROM unnest(@ids, @dues, @stages, @checks) AS u(id, due, stage, check_at)
            WHERE d.id = u.id
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", updates.Select(u => u.Id).ToArray());
        // The calendar answers in Vietnam's time; PostgreSQL's timestamptz takes UTC from Npgsql.
        command.Parameters.AddWithValue("dues", updates.Select(u => u.Due.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("stages", updates.Select(u => u.Stage).ToArray());
        command.Parameters.AddWithValue("checks", updates.Select(u => u.Check?.ToUniversalTime()).ToArray());
        _queries++;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // ---- shared ----

    /// <summary>The agency's name, else its code.</summary>
    private const string AgencyName = "coalesce((SELECT g.name FROM app.agencies g WHERE g.code = d.agency_code), d.agency_code)";

    /// <summary>The procedure's name (its latest catalogue version), else its key.</summary>
    private const string ProcedureName =
        "coalesce((SELECT v.name FROM app.procedure_versions v WHERE v.procedure_key = d.procedure_code ORDER BY v.version DESC LIMIT 1), d.procedure_code)";

    private async Task NotifyAsync(List<NotificationRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count > 0)
        {
            _notifications += await notifier.NotifyAsync(requests, cancellationToken);
            _queries += 2;
        }
    }

    /// <summary>Runs one batch in its own transaction on the context's connection (so the notifications join it); commits when it did something.</summary>
    private async Task<int> InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var count = await work(connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        if (count > 0)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return count;
    }

    private static IEnumerable<string> Members(Dictionary<(string, string), List<Guid>> members, string role, string? agency) =>
        agency is null ? [] : (members.GetValueOrDefault((role, agency)) ?? []).Select(id => id.ToString("D"));

    private static string VietnamTime(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
