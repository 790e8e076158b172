using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Host.Features.Calendar;
using PublicServicesBpm.Host.Features.Deadlines;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// (g) The deadline monitor (issue 9): a backlog of open dossiers (status 4, appointments spread over a year, already
/// seen by the monitor: <c>sla_due_at = appointment_at</c>, next check one day before the appointment) sits in
/// app.dossiers throughout. Then: one <see cref="DeadlineMonitor.ScanAsync"/> that crosses a threshold for each of the
/// dossiers whose check time has passed (near due → overdue: an escalation to the agency's department head and unit
/// leader each), idle scans when nothing is due, and one scan that sees dossiers it has not seen yet.
/// </summary>
internal sealed class DeadlineBenchmarks(Probe probe, BenchmarkOptions options)
{
    private const string Agency = "000.00.98.H38";

    private readonly AdministeredCalendars _calendars = new(probe.DataSource, TimeProvider.System, NullLogger<AdministeredCalendars>.Instance);

    public async Task RunAsync()
    {
        await SetUpAgencyAsync();
        var watch = Stopwatch.StartNew();
        await InsertAsync(options.DeadlineDossiers, """
            now() + interval '2 days' + (g % 365) * interval '1 day' + (g % 480) * interval '1 minute'
            """, seen: true);
        await ExecuteAsync("VACUUM (ANALYZE) app.dossiers");
        probe.Report.Detail(Invariant($"(g) setup: {options.DeadlineDossiers:N0} open dossiers (status 4, appointments over a year, seen; next check one day before) in {watch.Elapsed.TotalSeconds:0.0} s"));

        // Whatever earlier groups left (their user tasks have due times) is seen here, and the code is warmed up.
        var warm = await ScanOnceAsync();
        probe.Report.Detail("(g) warm-up scan (leftovers of earlier groups): " + warm);

        // Crossing: dossiers already told they are near due whose appointment passed a little while ago.
        await InsertAsync(options.DeadlineCrossings, "now() - interval '1 hour' - g * interval '1 second'", seen: true, nearDue: true);
        await ExecuteAsync("ANALYZE app.dossiers");
        DeadlineMonitor.ScanResult? crossing = null;
        var row = await probe.MeasureAsync($"deadlines (g): scan crossing {options.DeadlineCrossings:N0}", 1, 1, async _ =>
        {
            crossing = await ScanOnceAsync();
            return true;
        });
        var crossed = Math.Max(1, crossing!.DossierCrossings);
        probe.Report.Detail(Invariant(
            $"(g) crossing scan: {crossing.DossierCrossings:N0} dossier crossings among {options.DeadlineDossiers:N0} open in {row.Load.Elapsed.TotalSeconds:0.00} s; {crossing.Notifications:N0} notifications; per crossing {(double)row.Sql.Statements / crossed:0.000} statements, {(double)row.Sql.RoundTrips / crossed:0.000} round trips, {(double)row.Commits / crossed:0.0000} commits; monitor's own count: {crossing.Queries} queries"));

        await IdleAsync("after the crossing");

        // Unseen: new dossiers (received, appointment a month or two away) the monitor has not looked at.
        await InsertAsync(options.DeadlineCrossings, "now() + interval '30 days' + (g % 30) * interval '1 day'", seen: false);
        await ExecuteAsync("ANALYZE app.dossiers");
        DeadlineMonitor.ScanResult? seeing = null;
        row = await probe.MeasureAsync($"deadlines (g): scan seeing {options.DeadlineCrossings:N0} new", 1, 1, async _ =>
        {
            seeing = await ScanOnceAsync();
            return true;
        });
        probe.Report.Detail(Invariant(
            $"(g) seeing scan: {seeing!.DossiersSeen:N0} new dossiers given their next threshold in {row.Load.Elapsed.TotalSeconds:0.00} s; {row.Sql.Statements:N0} statements, {row.Commits:N0} commits; crossings in the same run: {seeing.DossierCrossings}"));
        await IdleAsync("after seeing");
        await ExplainAsync();
    }

    private async Task IdleAsync(string when)
    {
        var queries = 0;
        var row = await probe.MeasureAsync("deadlines (g): idle scan, nothing due", 1, 200, async _ =>
        {
            var result = await ScanOnceAsync();
            queries = result.Queries;
            return result.DossierCrossings + result.DossiersSeen + result.TaskCrossings + result.TasksSeen == 0
                ? true : throw new InvalidOperationException("The idle scan found work: " + result);
        });
        probe.Report.Detail(Invariant(
            $"(g) idle scan {when}: {queries} queries (monitor's count), {row.PerOperation(row.Sql.Statements):0.##} statements + {row.PerOperation(row.Sql.TransactionEnds):0.##} COMMIT/ROLLBACK per scan, {row.PerOperation(row.Commits):0.##} write commits, p50 {row.Load.Percentile(50):0.00} ms, p95 {row.Load.Percentile(95):0.00} ms"));
    }

    /// <summary>One run as the recurring job makes it: a fresh context (scope) and the host's defaults.</summary>
    private async Task<DeadlineMonitor.ScanResult> ScanOnceAsync()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceServiceCollectionExtensions.Configure(builder, probe.DataSource);
        await using var db = new AppDbContext(builder.Options);
        var notifier = new Notifier(db, new NotificationAddressBook(db), Options.Create(new NotificationOptions()), TimeProvider.System);
        var monitor = new DeadlineMonitor(db, _calendars, notifier, TimeProvider.System, Options.Create(new DeadlineOptions()), NullLogger<DeadlineMonitor>.Instance);
        return await monitor.ScanAsync(CancellationToken.None);
    }

    /// <summary>
    /// Inserts <paramref name="count"/> received dossiers (status 4) with the appointment given as SQL over <c>g</c>:
    /// seen (<c>sla_due_at</c> = appointment; next check one day before it, or at it when already near due) or not.
    /// </summary>
    private async Task InsertAsync(int count, string appointmentSql, bool seen, bool nearDue = false)
    {
        var check = nearDue ? "a.at" : "a.at - interval '1 day'";
        var sla = seen ? $"a.at, {(nearDue ? 1 : 0)}, {check}" : "NULL, 0, NULL";
        await ExecuteAsync($$"""
            INSERT INTO app.dossiers (id, procedure_code, procedure_version, case_code, process_key, agency_code, channel, created_by, applicant, form_data,
                                      result_delivery, status, created_at, updated_at, time_limit, paused_working_minutes, supplementation_count,
                                      code, received_at, appointment_at, sla_due_at, sla_stage, sla_check_at)
            SELECT gen_random_uuid(), 'bench', 1, 'mac-dinh', 'bench-dossier', '{{Agency}}', 1, 'benchmark', '{"kind":"citizen","fullName":"Nguyễn Văn Thử"}', '{}',
                   'counter', 4, a.at - interval '21 days', a.at - interval '21 days',
                   '{"value":15,"unit":"working-days","sameDay":false,"restartAfterSupplement":false}', 0, 0,
                   'B-' || replace(gen_random_uuid()::text, '-', ''), a.at - interval '21 days', a.at, {{sla}}
            FROM generate_series(1, {{count}}) g, LATERAL (SELECT {{appointmentSql}} AS at) a
            """);
    }

    /// <summary>The agency, and a department head and a unit leader there to be told of the escalations.</summary>
    private async Task SetUpAgencyAsync()
    {
        await ExecuteAsync($"INSERT INTO app.agencies (code, name, province_code, created_at) VALUES ('{Agency}', 'UBND xã Hạn Chót', '15', now()) ON CONFLICT DO NOTHING");
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceServiceCollectionExtensions.Configure(builder, probe.DataSource);
        await using var db = new AppDbContext(builder.Options);
        var from = DateTimeOffset.UtcNow.AddDays(-30);
        foreach (var (role, name) in new[] { (OfficerRole.DepartmentHead, "truong-phong"), (OfficerRole.UnitLeader, "lanh-dao") })
        {
            var id = Guid.CreateVersion7();
            db.Users.Add(new OfficerAccount
            {
                Id = id, UserName = name + "-bench", NormalizedUserName = (name + "-bench").ToUpperInvariant(), Email = name + "@bench.gov.vn", PhoneNumber = "0912000111",
                FullName = name, CreatedAt = from, SecurityStamp = Guid.NewGuid().ToString("N"),
            });
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = id, Role = role, AgencyCode = Agency, ValidFrom = from, GrantedAt = from });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The plan of the crossing probe on the big table, as it is at the end.</summary>
    private async Task ExplainAsync()
    {
        await using var explain = probe.DataSource.CreateCommand("""
            EXPLAIN (ANALYZE, BUFFERS) SELECT d.id FROM app.dossiers d
            WHERE d.status IN (2, 4) AND d.sla_check_at IS NOT NULL AND d.sla_due_at = d.appointment_at AND d.sla_check_at <= now()
            ORDER BY d.sla_check_at LIMIT 500 FOR UPDATE OF d SKIP LOCKED
            """);
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            probe.Report.Detail("    plan: " + reader.GetString(0));
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = probe.DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
