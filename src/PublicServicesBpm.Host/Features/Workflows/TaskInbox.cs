using Npgsql;
using NpgsqlTypes;
using PublicServicesBpm.Host.Features.Identity;

namespace PublicServicesBpm.Host.Features.Workflows;

/// <summary>An open user task as an officer sees it in a list.</summary>
internal sealed record TaskItem(
    string Id, Guid InstanceId, string ElementId, string? Name, IReadOnlyList<string> CandidateGroups, string? Assignee, string? Owner,
    string? FormKey, IReadOnlyList<string> Outcomes, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
    string ProcessKey, int ProcessVersion, string? BusinessKey, string? AgencyCode);

/// <summary>
/// Which open tasks an officer may see and act on: those assigned to them, and those whose candidate groups match
/// one of their grants — either scoped (<c>specialist@000.00.15.H29</c>) or a bare role code (<c>specialist</c>)
/// on an instance whose <c>agencyCode</c> variable is an agency where they hold that role. A task of an instance
/// without an agency is visible through scoped groups only. One query; the candidate-group index serves it.
/// </summary>
internal sealed class TaskInbox(NpgsqlDataSource dataSource)
{
    public const string AgencyVariable = "agencyCode";

    private const string SelectSql = """
        SELECT t.id, t.instance_id, t.element_id, t.name, t.candidate_groups, t.assignee, t.owner, t.form_key, t.outcomes, t.created_at, t.due_at,
               i.process_key, i.process_version, i.business_key, i.state -> 'variables' ->> 'agencyCode'
        FROM bpm.user_tasks t JOIN bpm.process_instances i ON i.id = t.instance_id
        WHERE t.status = 'open' AND (
              (@mine AND t.assignee = @me)
           OR (@group AND t.assignee IS NULL AND (
                  t.candidate_groups && @scoped
               OR EXISTS (SELECT 1 FROM unnest(@roles, @agencies) AS g(role, agency)
                          WHERE t.candidate_groups @> ARRAY[g.role] AND i.state -> 'variables' ->> 'agencyCode' = g.agency))))
        """;

    /// <summary>The officer's tasks: <paramref name="view"/> is <c>mine</c> (assigned to me), <c>group</c> (unclaimed in my groups) or <c>all</c>.</summary>
    public async Task<IReadOnlyList<TaskItem>> ListAsync(OfficerScope officer, string view, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectSql + " ORDER BY t.due_at NULLS LAST, t.created_at LIMIT @limit");
        AddScope(command, officer, mine: view is "mine" or "all", group: view is "group" or "all");
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>One task if the officer may see it (assigned to them, or claimable by them); null otherwise — also for "does not exist".</summary>
    public async Task<TaskItem?> FindVisibleAsync(OfficerScope officer, string taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectSql + " AND t.id = @id");
        AddScope(command, officer, mine: true, group: true);
        command.Parameters.AddWithValue("id", taskId);
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Whether the officer could take the task from its groups (also when someone else holds it now: for assigning).</summary>
    public static bool IsCandidate(OfficerScope officer, TaskItem task) =>
        task.CandidateGroups.Any(g => officer.CandidateGroups.Contains(g))
        || officer.Grants.Any(grant => task.CandidateGroups.Contains(grant.Role) && grant.AgencyCode == task.AgencyCode);

    private static void AddScope(NpgsqlCommand command, OfficerScope officer, bool mine, bool group)
    {
        command.Parameters.AddWithValue("mine", mine);
        command.Parameters.AddWithValue("group", group);
        command.Parameters.AddWithValue("me", officer.AccountId.ToString("D"));
        command.Parameters.Add(new NpgsqlParameter("scoped", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = officer.CandidateGroups.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("roles", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = officer.Grants.Select(g => g.Role).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("agencies", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = officer.Grants.Select(g => g.AgencyCode).ToArray() });
    }

    private static async Task<IReadOnlyList<TaskItem>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<TaskItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
            items.Add(new TaskItem(
                reader.GetString(0), reader.GetGuid(1), reader.GetString(2), Text(3), reader.GetFieldValue<string[]>(4), Text(5), Text(6), Text(7),
                reader.GetFieldValue<string[]>(8), reader.GetFieldValue<DateTimeOffset>(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetString(11), reader.GetInt32(12), Text(13), Text(14)));
        }
        return items;
    }
}
