using System.Text.Json.Nodes;
using Npgsql;
using PublicServicesBpm.Host.Features.Calendar;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// The service task <c>psb:type="dossier.receive"</c>: the moment a dossier is received (tiếp nhận). In the
/// command's transaction it gives the dossier its code (<c>&lt;agency&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt;</c>) and lookup
/// secret, stamps the receipt time and officer (variable <c>receivedBy</c>), and sets the appointment from the time
/// limit stored on the dossier, on the agency's calendar — recorded as the first appointment, reason "receipt". The
/// task itself carries <c>psb:dossierStatus="2"</c>. It returns <c>dossierCode</c> and <c>appointmentAt</c> to the
/// instance. A dossier that already has a code (the task reached again) keeps it.
/// </summary>
internal sealed class ReceiveDossierHandler(AdministeredCalendars calendars) : ITransactionalServiceTaskHandler
{
    public const string HandlerType = "dossier.receive";

    public string Type => HandlerType;

    public async Task<ServiceTaskResult> ExecuteAsync(TransactionalServiceTaskContext context, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (context.Connection, context.Transaction);
        // A dossier started and received in one command (at the counter) is linked to its instance only later in that
        // command's transaction, so the dossier is found by the id the instance carries, and else by the instance.
        var dossierId = context.Variables["dossierId"] is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var parsed)
            ? parsed : (Guid?)null;
        await using var find = new NpgsqlCommand("""
            SELECT id, agency_code, code, appointment_at, time_limit FROM app.dossiers
            WHERE CASE WHEN @dossier IS NULL THEN process_instance_id = @instance
                       ELSE id = @dossier AND (process_instance_id IS NULL OR process_instance_id = @instance) END
            FOR UPDATE
            """, connection, transaction);
        find.Parameters.AddWithValue("instance", context.InstanceId);
        find.Parameters.Add(new NpgsqlParameter("dossier", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)dossierId ?? DBNull.Value });
        Guid id;
        string agency;
        string? code;
        DateTimeOffset? appointment;
        DossierTimeLimit? limit;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"No dossier runs on process instance {context.InstanceId}: start dossier workflows through the dossier API.");
            }
            (id, agency, code) = (reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            appointment = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
            limit = DossierTimeLimit.FromJson(reader.IsDBNull(4) ? null : reader.GetString(4));
        }
        if (code is not null)
        {
            return Completed(code, appointment);
        }
        if (limit is null)
        {
            throw new InvalidOperationException($"Dossier {id} has no time limit for its channel; its procedure case must name one.");
        }
        var calendar = await calendars.CurrentAsync(agency, cancellationToken);
        code = await DossierCodes.NextAsync(connection, transaction, agency, context.Now, cancellationToken);
        appointment = DossierAppointments.Due(calendar, context.Now, limit);
        var receivedBy = context.Variables["receivedBy"] is JsonValue by && by.TryGetValue<string>(out var who) ? who : null;
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            UPDATE app.dossiers SET code = @code, lookup_secret = @secret, received_at = @now, received_by = @by,
                   appointment_at = @appointment, first_appointment_at = @appointment, updated_at = @now
            WHERE id = @id
            """)
        {
            Parameters =
            {
                new("code", code), new("secret", DossierCodes.NewLookupSecret()), new("now", context.Now),
                new("by", (object?)receivedBy ?? DBNull.Value), new("appointment", appointment.Value), new("id", id),
            },
        });
        DossierStatusProjection.AddEvent(batch, id, context.Now, "appointment", null, context.ElementId,
            new { appointment, reason = "receipt" }, receivedBy);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return Completed(code, appointment);
    }

    private static ServiceTaskResult Completed(string code, DateTimeOffset? appointment) => ServiceTaskResult.Completed(new JsonObject
    {
        ["dossierCode"] = code,
        ["appointmentAt"] = appointment?.ToString("O"),
    });
}
