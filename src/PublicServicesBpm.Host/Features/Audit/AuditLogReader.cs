using System.Text.Json;
using Npgsql;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;

namespace PublicServicesBpm.Host.Features.Audit;

public sealed record AuditActorView(string Kind, string? Id, string? Name);

public sealed record AuditTargetView(string? Type, string? Id);

/// <summary>One entry as auditors see it; <see cref="Details"/> is the JSON object that was recorded.</summary>
public sealed record AuditEntryView(
    long Sequence, DateTimeOffset At, AuditActorView Actor, string Action, AuditTargetView? Target, Guid? DossierId,
    string? Ip, string? UserAgent, string Outcome, JsonElement? Details, string Hash);

/// <summary>One page of entries; <see cref="NextAfter"/> is the <c>after</c> value of the next page (null on the last).</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditEntryView> Entries, long? NextAfter);

public sealed record AuditDayCount(DateOnly Date, long Count);

internal sealed record AuditActionCount(string Action, long Count);

internal sealed record AuditActorCount(string Kind, string? Id, string? Name, long Reads);

/// <summary>
/// Reads the audit log for auditors — the API and the auditor page both go through here — and records each read
/// in the log itself (<see cref="AuditReadActions.Read"/>), so watching the watchers leaves a trace too.
/// </summary>
internal sealed class AuditLogReader(NpgsqlDataSource dataSource, AppDbContext db, AuditTrail trail)
{
    private const string Columns =
        "sequence, at, actor_kind, actor_id, actor_name, action, target_type, target_id, dossier_id, ip_address, user_agent, outcome, details, hash";

    public async Task<AuditLogPage> SearchAsync(AuditLogFilter filter, AuditPaging paging, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var newestFirst = paging.Order == AuditOrder.NewestFirst;
        var sql = "SELECT " + Columns + " FROM app.audit_log" + AuditLogSql.Where(filter, command);
        if (paging.After is { } after)
        {
            sql += newestFirst ? " AND sequence < @after" : " AND sequence > @after";
            command.Parameters.AddWithValue("after", after);
        }
        // One row more than asked says whether there is a next page.
        command.CommandText = sql + (newestFirst ? " ORDER BY sequence DESC" : " ORDER BY sequence") + " LIMIT @limit";
        command.Parameters.AddWithValue("limit", paging.Limit + 1);
        var entries = new List<AuditEntryView>(paging.Limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(Read(reader));
            }
        }
        var more = entries.Count > paging.Limit;
        if (more)
        {
            entries.RemoveAt(entries.Count - 1);
        }
        return new(entries, more ? entries[^1].Sequence : null);
    }

    /// <summary>Entries per day (Vietnam time) from <paramref name="firstDay"/> to <paramref name="lastDay"/>, days without entries included as 0.</summary>
    public async Task<IReadOnlyList<AuditDayCount>> CountPerDayAsync(AuditLogFilter filter, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var start = VietnamTime.StartOf(firstDay);
        var end = VietnamTime.EndOf(lastDay);
        var window = filter with
        {
            From = filter.From is { } from && from > start ? from : start,
            To = filter.To is { } to && to < end ? to : end,
        };
        var counts = new Dictionary<DateOnly, long>();
        await using var command = dataSource.CreateCommand();
        var day = AuditLogSql.LocalDay(command);
        command.CommandText = $"SELECT {day} AS day, count(*) FROM app.audit_log{AuditLogSql.Where(window, command)} GROUP BY 1";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetFieldValue<DateOnly>(0)] = reader.GetInt64(1);
            }
        }
        var days = new List<AuditDayCount>();
        for (var date = firstDay; date <= lastDay; date = date.AddDays(1))
        {
            days.Add(new(date, counts.GetValueOrDefault(date)));
        }
        return days;
    }

    public async Task<IReadOnlyList<AuditActionCount>> CountPerActionAsync(AuditLogFilter filter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText = $"SELECT action, count(*) AS n FROM app.audit_log{AuditLogSql.Where(filter, command)} GROUP BY action ORDER BY n DESC, action";
        var counts = new List<AuditActionCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new(reader.GetString(0), reader.GetInt64(1)));
        }
        return counts;
    }

    /// <summary>Who read the most personal data (action <see cref="AuditActions.PersonalDataRead"/>) under the filter.</summary>
    public async Task<IReadOnlyList<AuditActorCount>> TopPersonalDataReadersAsync(AuditLogFilter filter, int top, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = AuditLogSql.Where(filter with { Action = AuditActions.PersonalDataRead }, command);
        command.CommandText = $"""
            SELECT actor_kind, actor_id, max(actor_name), count(*) AS n FROM app.audit_log{where}
            GROUP BY actor_kind, actor_id ORDER BY n DESC, actor_kind, actor_id LIMIT @top
            """;
        command.Parameters.AddWithValue("top", top);
        var readers = new List<AuditActorCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            readers.Add(new(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3)));
        }
        return readers;
    }

    /// <summary>
    /// Records that the caller read the log (<paramref name="view"/>: search, statistics, page) with which filter.
    /// Called after the query and before the data leaves, in its own short transaction: the chain head stays locked
    /// only for the append, not for the query.
    /// </summary>
    public async Task RecordReadAsync(string view, AuditLogFilter filter, IReadOnlyDictionary<string, object>? more, CancellationToken cancellationToken)
    {
        var details = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["view"] = view };
        foreach (var (name, value) in filter.Describe())
        {
            details[name] = value;
        }
        foreach (var (name, value) in more ?? new Dictionary<string, object>())
        {
            details[name] = value;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await trail.RecordAsync(AuditReadActions.Read, AuditReadActions.LogTarget, dossierId: filter.DossierId, details: details, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Walks the whole chain, records the verdict (<see cref="AuditActions.AuditVerified"/>) and returns it.</summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var report = await AuditChainVerifier.VerifyAsync(dataSource, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await trail.RecordAsync(
            AuditActions.AuditVerified,
            AuditReadActions.LogTarget,
            outcome: report.IsIntact ? AuditOutcome.Succeeded : AuditOutcome.Failed,
            details: new
            {
                intact = report.IsIntact,
                entriesChecked = report.EntriesChecked,
                headSequence = report.HeadSequence,
                headHash = report.HeadHash,
                problems = report.Problems.Take(10).Select(p => new { sequence = p.Sequence, reason = p.Reason }),
                problemCount = report.Problems.Count,
            },
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private static AuditEntryView Read(NpgsqlDataReader reader)
    {
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        var targetType = Text(6);
        var targetId = Text(7);
        return new(
            reader.GetInt64(0),
            reader.GetFieldValue<DateTimeOffset>(1),
            new AuditActorView(reader.GetString(2), Text(3), Text(4)),
            reader.GetString(5),
            targetType is null && targetId is null ? null : new AuditTargetView(targetType, targetId),
            reader.IsDBNull(8) ? null : reader.GetGuid(8),
            Text(9),
            Text(10),
            reader.GetString(11),
            Details(Text(12)),
            Convert.ToHexStringLower((byte[])reader[13]));
    }

    private static JsonElement? Details(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(json);
        }
        catch (JsonException)
        {
            // Written by the application as JSON; should a row hold something else, show it as text rather than fail.
            return JsonSerializer.SerializeToElement(json);
        }
    }
}

/// <summary>Action names this area records (beside <see cref="AuditActions"/>).</summary>
internal static class AuditReadActions
{
    /// <summary>Someone read the audit log (the filter is in the details).</summary>
    public const string Read = "audit.read";

    /// <summary>The target type of entries about the audit log itself.</summary>
    public const string LogTarget = "audit-log";
}
