using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Calendar;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// Mirrors the workflow's <c>psb:dossierStatus</c> on the dossier row, in the engine command's transaction — the one
/// place a dossier's status is written, so the dossier can never disagree with its process instance. It also keeps
/// the clock: entering status 5 or 6 stops it, leaving them moves the appointment forward by the paused working time
/// (or restarts the full time limit after a supplement, where the procedure says so), each move recorded with its
/// reason; the first of statuses 3, 7, 8, 9, 10 is the end of processing (Decision 766). Commands without status
/// changes cost nothing here.
/// </summary>
internal sealed class DossierStatusProjection(AdministeredCalendars calendars) : IEngineTransactionParticipant
{
    public async Task OnEffectsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<InstanceEffects> changes, CancellationToken cancellationToken)
    {
        var changed = changes
            .Select(c => (c.InstanceId, Statuses: c.Effects.OfType<DossierStatusChanged>().ToList()))
            .Where(c => c.Statuses.Count > 0)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var dossiers = await LoadAsync(connection, transaction, [.. changed.Select(c => c.InstanceId)], cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (instanceId, statuses) in changed)
        {
            // Instances without a dossier (called processes, engine tests) have statuses nobody mirrors.
            if (dossiers.TryGetValue(instanceId, out var dossier))
            {
                await ApplyAsync(batch, dossier, statuses, cancellationToken);
            }
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task ApplyAsync(NpgsqlBatch batch, DossierClock dossier, List<DossierStatusChanged> statuses, CancellationToken cancellationToken)
    {
        var calendar = await calendars.CurrentAsync(dossier.AgencyCode, cancellationToken);
        var status = dossier.Status;
        foreach (var change in statuses)
        {
            var next = (short)change.Code;
            if (dossier.PausedSince is { } since && !DossierStatuses.IsPaused(next))
            {
                var paused = calendar.WorkingTimeBetween(since, change.At);
                dossier.PausedMinutes += (int)Math.Round(paused.TotalMinutes);
                dossier.PausedSince = null;
                if (dossier.AppointmentAt is { } appointment)
                {
                    var restart = status == DossierStatuses.AwaitingSupplement && dossier.TimeLimit is { RestartAfterSupplement: true };
                    var moved = restart
                        ? DossierAppointments.Due(calendar, change.At, dossier.TimeLimit!)
                        : DossierAppointments.AfterPause(calendar, appointment, paused);
                    if (moved != appointment)
                    {
                        dossier.AppointmentAt = moved;
                        AddEvent(batch, dossier.Id, change.At, "appointment", null, change.ElementId, new
                        {
                            previous = appointment,
                            appointment = moved,
                            reason = restart ? "supplement-restart" : status == DossierStatuses.AwaitingPayment ? "payment-pause" : "supplement-pause",
                            pausedMinutes = (int)Math.Round(paused.TotalMinutes),
                        });
                    }
                }
            }
            else if (dossier.PausedSince is null && DossierStatuses.IsPaused(next))
            {
                dossier.PausedSince = change.At;
            }
            if (DossierStatuses.EndsProcessing(next))
            {
                dossier.FinishedAt ??= change.At;
            }
            if (next == DossierStatuses.ResultReturned)
            {
                dossier.ReturnedAt ??= change.At;
            }
            AddEvent(batch, dossier.Id, change.At, "status", next, change.ElementId, new { from = status });
            status = next;
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            UPDATE app.dossiers SET status = @status, paused_since = @paused_since, paused_working_minutes = @paused_minutes,
                   appointment_at = @appointment_at, finished_at = @finished_at, returned_at = @returned_at, updated_at = @at
            WHERE id = @id
            """)
        {
            Parameters =
            {
                new("status", status),
                new("paused_since", NpgsqlDbType.TimestampTz) { Value = (object?)dossier.PausedSince ?? DBNull.Value },
                new("paused_minutes", dossier.PausedMinutes),
                new("appointment_at", NpgsqlDbType.TimestampTz) { Value = (object?)dossier.AppointmentAt ?? DBNull.Value },
                new("finished_at", NpgsqlDbType.TimestampTz) { Value = (object?)dossier.FinishedAt ?? DBNull.Value },
                new("returned_at", NpgsqlDbType.TimestampTz) { Value = (object?)dossier.ReturnedAt ?? DBNull.Value },
                new("at", statuses[^1].At),
                new("id", dossier.Id),
            },
        });
    }

    /// <summary>Appends one row of the dossier's history to <paramref name="batch"/>.</summary>
    public static void AddEvent(NpgsqlBatch batch, Guid dossierId, DateTimeOffset at, string kind, short? status, string? elementId, object? data,
        string? actorSubject = null, string? actorName = null)
    {
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO app.dossier_events (dossier_id, at, kind, status, element_id, actor_subject, actor_name, data)
            VALUES (@dossier, @at, @kind, @status, @element, @actor, @actor_name, @data)
            """)
        {
            Parameters =
            {
                new("dossier", dossierId),
                new("at", at),
                new("kind", kind),
                new("status", NpgsqlDbType.Smallint) { Value = (object?)status ?? DBNull.Value },
                new("element", NpgsqlDbType.Text) { Value = (object?)elementId ?? DBNull.Value },
                new("actor", NpgsqlDbType.Text) { Value = (object?)actorSubject ?? DBNull.Value },
                new("actor_name", NpgsqlDbType.Text) { Value = (object?)actorName ?? DBNull.Value },
                new("data", NpgsqlDbType.Jsonb) { Value = data is null ? DBNull.Value : JsonSerializer.Serialize(data, DossierJson.Options) },
            },
        });
    }

    private static async Task<Dictionary<Guid, DossierClock>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] instanceIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT process_instance_id, id, agency_code, status, paused_since, paused_working_minutes, appointment_at, finished_at, returned_at, time_limit
            FROM app.dossiers WHERE process_instance_id = ANY(@ids) FOR UPDATE
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", instanceIds);
        var found = new Dictionary<Guid, DossierClock>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetGuid(0)] = new DossierClock
            {
                Id = reader.GetGuid(1),
                AgencyCode = reader.GetString(2),
                Status = reader.GetInt16(3),
                PausedSince = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                PausedMinutes = reader.GetInt32(5),
                AppointmentAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                FinishedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                ReturnedAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                TimeLimit = DossierTimeLimit.FromJson(reader.IsDBNull(9) ? null : reader.GetString(9)),
            };
        }
        return found;
    }

    private sealed class DossierClock
    {
        public required Guid Id { get; init; }
        public required string AgencyCode { get; init; }
        public required short Status { get; init; }
        public DateTimeOffset? PausedSince { get; set; }
        public int PausedMinutes { get; set; }
        public DateTimeOffset? AppointmentAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public DateTimeOffset? ReturnedAt { get; set; }
        public DossierTimeLimit? TimeLimit { get; init; }
    }
}

/// <summary>The JSON spelling of dossier data (camelCase, as the API).</summary>
internal static class DossierJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
