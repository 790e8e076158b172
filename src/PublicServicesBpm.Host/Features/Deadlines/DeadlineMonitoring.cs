using Npgsql;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Deadlines;

/// <summary>
/// Near-due and overdue counts (H8, H26) by agency, procedure or officer, as the deadline monitor last marked them
/// (<c>sla_stage</c>): open steps (user tasks of dossiers) and dossiers whose clock runs or is paused. An officer sees
/// the agencies where they hold a role; administrators and auditors see every agency.
/// </summary>
internal sealed class DeadlineMonitoring(NpgsqlDataSource dataSource)
{
    public static readonly IReadOnlyList<string> Dimensions = ["agency", "procedure", "officer"];

    /// <summary>One agency, procedure or officer; <see cref="NameEn"/> is the procedure's English name where it has one.</summary>
    public sealed record Row(string Key, string Name, string? NameEn, int Open, int NearDue, int Overdue);

    public sealed record Report(string By, IReadOnlyList<Row> Steps, IReadOnlyList<Row> Dossiers);

    /// <param name="officer">Who asks: only their agencies are counted, unless they administer or audit.</param>
    /// <param name="by">agency, procedure or officer (dossiers have no officer: grouped by agency then).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<Report> CountAsync(OfficerScope officer, string by, CancellationToken cancellationToken)
    {
        var everything = officer.HasRole(OfficerRole.Administrator) || officer.HasRole(OfficerRole.Auditor);
        var agencies = officer.Agencies.ToArray();
        var (stepKey, stepName, stepNameEn) = by switch
        {
            "procedure" => ("d.procedure_code", ProcedureName, ProcedureNameEn),
            "officer" => ("coalesce(t.assignee, '')", "coalesce((SELECT a.full_name FROM app.officer_accounts a WHERE a.id::text = t.assignee), '')", "NULL::text"),
            _ => ("d.agency_code", AgencyName, "NULL::text"),
        };
        var (dossierKey, dossierName, dossierNameEn) = by == "procedure" ? ("d.procedure_code", ProcedureName, ProcedureNameEn) : ("d.agency_code", AgencyName, "NULL::text");
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"""
            SELECT {stepKey} AS key, min({stepName}) AS name, min({stepNameEn}) AS name_en,
                count(*)::int, count(*) FILTER (WHERE t.sla_stage = 1)::int, count(*) FILTER (WHERE t.sla_stage >= 2)::int
            FROM bpm.user_tasks t JOIN app.dossiers d ON d.process_instance_id = t.instance_id
            WHERE t.status = 'open' AND (@everything OR d.agency_code = ANY(@agencies))
            GROUP BY 1 ORDER BY 6 DESC, 5 DESC, 2
            """, everything, agencies));
        batch.BatchCommands.Add(Command($"""
            SELECT {dossierKey} AS key, min({dossierName}) AS name, min({dossierNameEn}) AS name_en,
                count(*)::int, count(*) FILTER (WHERE d.sla_stage = 1)::int, count(*) FILTER (WHERE d.sla_stage >= 2)::int
            FROM app.dossiers d
            WHERE d.status IN (2, 4, 5, 6) AND (@everything OR d.agency_code = ANY(@agencies))
            GROUP BY 1 ORDER BY 6 DESC, 5 DESC, 2
            """, everything, agencies));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var steps = await ReadAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var dossiers = await ReadAsync(reader, cancellationToken);
        return new Report(Dimensions.Contains(by) ? by : "agency", steps, dossiers);
    }

    private const string AgencyName = "coalesce((SELECT g.name FROM app.agencies g WHERE g.code = d.agency_code), d.agency_code)";

    private const string ProcedureName =
        "coalesce((SELECT v.name FROM app.procedure_versions v WHERE v.procedure_key = d.procedure_code ORDER BY v.version DESC LIMIT 1), d.procedure_code)";

    private const string ProcedureNameEn =
        "(SELECT v.name_en FROM app.procedure_versions v WHERE v.procedure_key = d.procedure_code ORDER BY v.version DESC LIMIT 1)";

    private static NpgsqlBatchCommand Command(string sql, bool everything, string[] agencies) => new(sql)
    {
        Parameters = { new("everything", everything), new("agencies", agencies) },
    };

    private static async Task<List<Row>> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        }
        return rows;
    }
}
