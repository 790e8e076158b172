using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>
/// The one translation of an <see cref="AuditLogFilter"/> into SQL, shared by the search, the per-day chart and
/// the statistics, so the API and the auditor page can never disagree on what a filter means.
/// </summary>
internal static class AuditLogSql
{
    /// <summary>A <c>WHERE …</c> clause (always present) whose parameters are added to <paramref name="command"/>.</summary>
    public static string Where(AuditLogFilter filter, NpgsqlCommand command)
    {
        var sql = new StringBuilder(" WHERE TRUE");
        void Equal(string column, string parameter, string? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(column).Append(" = @").Append(parameter);
                command.Parameters.Add(new NpgsqlParameter(parameter, NpgsqlDbType.Text) { Value = value });
            }
        }
        Equal("actor_id", "actor_id", filter.ActorId);
        Equal("actor_kind", "actor_kind", filter.ActorKind);
        Equal("target_type", "target_type", filter.TargetType);
        Equal("target_id", "target_id", filter.TargetId);
        Equal("outcome", "outcome", filter.Outcome);
        if (filter.Person is not null)
        {
            sql.Append(" AND (actor_id = @person OR target_id = @person)");
            command.Parameters.Add(new NpgsqlParameter("person", NpgsqlDbType.Text) { Value = filter.Person });
        }
        if (filter.DossierId is { } dossier)
        {
            sql.Append(" AND dossier_id = @dossier_id");
            command.Parameters.Add(new NpgsqlParameter("dossier_id", NpgsqlDbType.Uuid) { Value = dossier });
        }
        if (filter.Action is { } action)
        {
            if (action.EndsWith(".*", StringComparison.Ordinal))
            {
                // The parser allows only [a-z0-9_-.] in names, so escaping LIKE's wildcard '_' is all that is needed.
                sql.Append(" AND action LIKE @action ESCAPE '\\'");
                command.Parameters.Add(new NpgsqlParameter("action", NpgsqlDbType.Text) { Value = action[..^1].Replace("_", "\\_", StringComparison.Ordinal) + "%" });
            }
            else
            {
                Equal("action", "action", action);
            }
        }
        if (filter.From is { } from)
        {
            sql.Append(" AND at >= @from");
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = from.UtcDateTime });
        }
        if (filter.To is { } to)
        {
            sql.Append(" AND at <= @to");
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = to.UtcDateTime });
        }
        return sql.ToString();
    }

    /// <summary>The entry's day in Vietnam (see <see cref="VietnamTime"/>), as a SQL expression.</summary>
    public static string LocalDay(NpgsqlCommand command)
    {
        command.Parameters.Add(new NpgsqlParameter("local_offset", NpgsqlDbType.Interval) { Value = VietnamTime.Offset });
        return "((at AT TIME ZONE 'UTC') + @local_offset)::date";
    }
}
