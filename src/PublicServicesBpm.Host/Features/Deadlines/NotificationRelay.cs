using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PublicServicesBpm.Host.Features.Dossiers;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Host.Features.Deadlines;

/// <summary>
/// Tells people what happened to dossiers and tasks (H20): reads the dossier events and task-assignment history events
/// not told yet (<c>notified = false</c>, a partial index holds only those), makes the notifications they call for and
/// marks the events, in one transaction per batch — so every event is told exactly once, whichever command wrote it
/// (the engine's own SQL, the dossier services) and whichever host runs the relay (<c>FOR UPDATE SKIP LOCKED</c>).
/// <list type="bullet">
/// <item>to the applicant: received (status 2), supplementation requested (5), payment requested (6), result ready (9),
/// late with an apology and a new appointment (the appointment moved by an approved apology, form 04);</item>
/// <item>to an officer: a task assigned or delegated to them.</item>
/// </list>
/// </summary>
internal sealed class NotificationRelay(AppDbContext db, Notifier notifier)
{
    public const int BatchSize = 500;

    private static readonly Dictionary<short, string> StatusEvents = new()
    {
        [DossierStatuses.Received] = NotificationEvents.Received,
        [DossierStatuses.AwaitingSupplement] = NotificationEvents.SupplementRequested,
        [DossierStatuses.AwaitingPayment] = NotificationEvents.PaymentRequested,
        [DossierStatuses.ResultReady] = NotificationEvents.ResultReady,
    };

    /// <summary>Relays everything waiting; returns how many events were read.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int count;
        do
        {
            count = await DossierEventsAsync(cancellationToken);
            total += count;
        }
        while (count == BatchSize);
        do
        {
            count = await AssignmentsAsync(cancellationToken);
            total += count;
        }
        while (count == BatchSize);
        return total;
    }

    private sealed record DossierEvent(
        long Id, Guid DossierId, string Kind, short? Status, string? Data, string? Code, string? Owner, string Applicant, string Procedure, string Agency,
        DateTimeOffset? Appointment);

    private async Task<int> DossierEventsAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var events = new List<DossierEvent>();
        await using (var command = new NpgsqlCommand("""
            SELECT e.id, e.dossier_id, e.kind, e.status, e.data::text, d.code, d.owner_subject, d.applicant::text,
                coalesce((SELECT v.name FROM app.procedure_versions v WHERE v.procedure_key = d.procedure_code ORDER BY v.version DESC LIMIT 1), d.procedure_code),
                coalesce((SELECT g.name FROM app.agencies g WHERE g.code = d.agency_code), d.agency_code), d.appointment_at
            FROM app.dossier_events e JOIN app.dossiers d ON d.id = e.dossier_id
            WHERE NOT e.notified
            ORDER BY e.id
            LIMIT @limit
            FOR UPDATE OF e SKIP LOCKED
            """, connection, (NpgsqlTransaction)transaction.GetDbTransaction()))
        {
            command.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new DossierEvent(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt16(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10)));
            }
        }
        if (events.Count == 0)
        {
            return 0;
        }
        var requests = events.Select(ForApplicant).OfType<NotificationRequest>().ToList();
        if (requests.Count > 0)
        {
            await notifier.NotifyAsync(requests, cancellationToken);
        }
        await MarkAsync(connection, (NpgsqlTransaction)transaction.GetDbTransaction(), "app.dossier_events", events.Select(e => e.Id).ToArray(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    private static NotificationRequest? ForApplicant(DossierEvent e)
    {
        string? notificationEvent = e.Kind switch
        {
            "status" when e.Status is { } status => StatusEvents.GetValueOrDefault(status),
            "appointment" when e.Data is { } data && IsApology(data) => NotificationEvents.LateWithApology,
            _ => null,
        };
        if (notificationEvent is null)
        {
            return null;
        }
        using var applicant = JsonDocument.Parse(e.Applicant);
        var values = new Dictionary<string, string>
        {
            ["code"] = e.Code ?? string.Empty,
            ["procedure"] = e.Procedure,
            ["applicant"] = Text(applicant.RootElement, "fullName") ?? string.Empty,
            ["agency"] = e.Agency,
            ["appointment"] = e.Appointment is { } appointment ? VietnamTime(appointment) : "—",
        };
        if (notificationEvent == NotificationEvents.LateWithApology)
        {
            using var details = JsonDocument.Parse(e.Data!);
            if (details.RootElement.TryGetProperty("appointment", out var moved) && moved.TryGetDateTimeOffset(out var at))
            {
                values["newAppointment"] = VietnamTime(at);
            }
            if (details.RootElement.TryGetProperty("previous", out var previous) && previous.TryGetDateTimeOffset(out var before))
            {
                values["appointment"] = VietnamTime(before);
            }
        }
        var recipient = e.Owner is { } owner
            ? new NotificationRecipient(RecipientKinds.Applicant, owner)
            : new NotificationRecipient(RecipientKinds.Contact, e.DossierId.ToString("D"), Text(applicant.RootElement, "email"), Text(applicant.RootElement, "phone"));
        return new NotificationRequest(recipient, notificationEvent, values, $"/portal/ho-so/{e.DossierId:D}", e.DossierId,
            $"event:{e.Id.ToString(CultureInfo.InvariantCulture)}:{notificationEvent}");
    }

    private async Task<int> AssignmentsAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var rows = new List<(long Id, string Data, string? Step, Guid? DossierId, string? Code, string? Procedure, DateTimeOffset? Due)>();
        await using (var command = new NpgsqlCommand("""
            SELECT h.id, h.data::text, t.name, d.id, d.code,
                coalesce((SELECT v.name FROM app.procedure_versions v WHERE v.procedure_key = d.procedure_code ORDER BY v.version DESC LIMIT 1), d.procedure_code),
                t.due_at
            FROM bpm.history_events h
            LEFT JOIN bpm.user_tasks t ON t.id = h.data->>'taskId'
            LEFT JOIN app.dossiers d ON d.process_instance_id = h.instance_id
            WHERE NOT h.notified AND h.type IN ('TaskAssigned', 'TaskDelegated')
            ORDER BY h.id
            LIMIT @limit
            FOR UPDATE OF h SKIP LOCKED
            """, connection, (NpgsqlTransaction)transaction.GetDbTransaction()))
        {
            command.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }
        if (rows.Count == 0)
        {
            return 0;
        }
        var requests = new List<NotificationRequest>();
        foreach (var row in rows)
        {
            using var data = JsonDocument.Parse(row.Data);
            if (Text(data.RootElement, "assignee") is not { } assignee || Text(data.RootElement, "taskId") is not { } taskId)
            {
                continue;
            }
            var values = new Dictionary<string, string>
            {
                ["code"] = row.Code ?? string.Empty,
                ["step"] = row.Step ?? string.Empty,
                ["procedure"] = row.Procedure ?? string.Empty,
                ["dueAt"] = row.Due is { } due ? VietnamTime(due) : "—",
            };
            requests.Add(new NotificationRequest(new NotificationRecipient(RecipientKinds.Officer, assignee), NotificationEvents.TaskAssigned, values,
                $"/workspace/tasks/{Uri.EscapeDataString(taskId)}", row.DossierId, $"history:{row.Id.ToString(CultureInfo.InvariantCulture)}:{assignee}"));
        }
        if (requests.Count > 0)
        {
            await notifier.NotifyAsync(requests, cancellationToken);
        }
        await MarkAsync(connection, (NpgsqlTransaction)transaction.GetDbTransaction(), "bpm.history_events", rows.Select(r => r.Id).ToArray(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private static async Task MarkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, long[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"UPDATE {table} SET notified = true WHERE id = ANY(@ids)", connection, transaction);
        command.Parameters.AddWithValue("ids", ids);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>An appointment moved by an approved apology (form 04), as <c>DossierCommands.Apologies</c> records it.</summary>
    private static bool IsApology(string data)
    {
        using var details = JsonDocument.Parse(data);
        return Text(details.RootElement, "reason") == "apology";
    }

    private static string VietnamTime(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
