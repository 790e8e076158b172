using Npgsql;

namespace PublicServicesBpm.Host.Features.Deadlines;

/// <summary>Who holds a role at an agency now (valid, unrevoked grants): the people a reminder or an escalation goes to.</summary>
internal static class OfficerDirectory
{
    /// <summary>The account ids per (role, agency) pair asked for, in one query.</summary>
    public static async Task<Dictionary<(string Role, string Agency), List<Guid>>> MembersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<(string Role, string Agency)> groups, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var members = new Dictionary<(string, string), List<Guid>>();
        if (groups.Count == 0)
        {
            return members;
        }
        await using var command = new NpgsqlCommand("""
            SELECT g.role, g.agency_code, g.account_id
            FROM app.role_grants g
            JOIN unnest(@roles, @agencies) AS wanted(role, agency) ON wanted.role = g.role AND wanted.agency = g.agency_code
            WHERE g.revoked_at IS NULL AND g.valid_from <= @now AND (g.valid_until IS NULL OR g.valid_until > @now)
            """, connection, transaction);
        command.Parameters.AddWithValue("roles", groups.Select(g => g.Role).ToArray());
        command.Parameters.AddWithValue("agencies", groups.Select(g => g.Agency).ToArray());
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!members.TryGetValue(key, out var list))
            {
                members[key] = list = [];
            }
            list.Add(reader.GetGuid(2));
        }
        return members;
    }

    /// <summary>
    /// A task's candidate groups as (role, agency) pairs: <c>role@agency</c> as written, a bare <c>role</c> at the
    /// dossier's agency (as the inbox reads them; <c>Features/Workflows/TaskInbox.cs</c>).
    /// </summary>
    public static IEnumerable<(string Role, string Agency)> Groups(IEnumerable<string> candidateGroups, string? dossierAgency)
    {
        foreach (var group in candidateGroups)
        {
            var at = group.IndexOf('@', StringComparison.Ordinal);
            if (at > 0)
            {
                yield return (group[..at], group[(at + 1)..]);
            }
            else if (dossierAgency is not null && group.Length > 0)
            {
                yield return (group, dossierAgency);
            }
        }
    }
}
