using System.Globalization;
using System.Diagnostics;
using Npgsql;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// (c) Timers. A far-future backlog (rows in bpm.timers, as many as asked) sits in the table throughout. For each
/// number of clients, that many real instances are started with a clock 30 days behind, so each waits in a timer
/// that is due now; then <see cref="WorkflowRuntime.FireNextDueTimerAsync"/> is called in a loop by every client
/// until it returns false; then the same with <see cref="WorkflowRuntime.FireDueTimersAsync"/> in batches of 100, as the
/// recurring job fires them. The raw baseline fires its own copy of the same rows in schema bench, one commit per
/// timer. Finally the idle scan: one call when nothing is due, its round trips and the plan of its query.
/// </summary>
internal sealed class TimerBenchmarks(Probe probe, BenchmarkOptions options)
{
    private const double TargetSeconds = 20;
    private readonly WorkflowRuntime _runtime = new(probe.DataSource, new DefinitionCache(), TimeProvider.System, new WeekdayOfficeHoursCalendar());
    private readonly WorkflowRuntime _past = new(probe.DataSource, new DefinitionCache(), new PastClock(TimeSpan.FromDays(30)), new WeekdayOfficeHoursCalendar());
    private readonly BaselineWrites _baseline = new(probe.DataSource);
    private string _findSql = "";

    public async Task RunAsync()
    {
        await BenchProcesses.DeployAsync(probe.DataSource, BenchProcesses.TimerWait, BenchProcesses.TimerWaitXml);
        var (waiting, fired) = await TemplatesAsync();

        var watch = Stopwatch.StartNew();
        await ExecuteAsync($"""
            INSERT INTO bpm.timers (id, instance_id, element_id, due_at)
            SELECT 'far-' || g, gen_random_uuid(), 'wait', now() + interval '365 days' + g * interval '1 second'
            FROM generate_series(1, {options.FutureTimers}) g
            """);
        await _baseline.CopyFutureTimersAsync();
        probe.Report.Detail(Invariant($"(c) setup: {options.FutureTimers:N0} far-future timer rows in bpm.timers (and a copy in bench.timers) in {watch.Elapsed.TotalSeconds:0.0} s"));

        var baselines = new Dictionary<int, Report.Row>();
        foreach (var clients in options.Clients)
        {
            var due = await SeedAsync(waiting);
            if (clients == options.Clients[0])
            {
                await ExplainAsync($"with {due:N0} due");
            }
            baselines[clients] = await probe.MeasureAsync("raw (c): claim due timer; update, delete, hist.", clients, int.MaxValue, _ => _baseline.FireTimerAsync(fired));
            await FireAllAsync("engine (c): fire next due timer", clients, due, baselines[clients]);
        }

        // What the recurring job does: FireDueTimersAsync claims up to 100 due timers and fires them in one commit.
        foreach (var clients in options.Clients)
        {
            var due = await SeedAsync(waiting);
            await FireBatchesAsync(clients, due, baselines[clients]);
        }

        await IdleScanAsync("right after firing, before VACUUM");
        await ExecuteAsync("VACUUM (ANALYZE) bpm.timers");
        await IdleScanAsync("after VACUUM");
    }

    /// <summary>Starts the due instances through the engine (8 clients, clock 30 days back) and the baseline's copies; vacuums.</summary>
    private async Task<long> SeedAsync(WriteTemplate waiting)
    {
        var watch = Stopwatch.StartNew();
        await LoadRunner.RunAsync(8, options.DueTimers, async _ =>
        {
            await _past.StartAsync(BenchProcesses.TimerWait, null, null, null, CancellationToken.None);
            return true;
        });
        await _baseline.SeedDueTimersAsync(options.DueTimers, waiting);
        await ExecuteAsync("VACUUM (ANALYZE) bpm.timers, bpm.process_instances, bench.timers, bench.process_instances");
        var due = await DueCountAsync();
        probe.Report.Detail(Invariant($"(c) setup: {due:N0} instances waiting in a due timer (started through the engine) in {watch.Elapsed.TotalSeconds:0.0} s; tables vacuumed"));
        return due;
    }

    private async Task FireAllAsync(string name, int clients, long due, Report.Row baseline)
    {
        var engine = await probe.MeasureAsync(name, clients, int.MaxValue, _ => _runtime.FireNextDueTimerAsync(CancellationToken.None), baseline);
        var seconds = engine.Load.Elapsed.TotalSeconds;
        var verdict = seconds * 10_000 / Math.Max(1, engine.Load.Operations) < TargetSeconds ? "met" : "NOT met";
        probe.Report.Detail(Invariant(
            $"(c) {name}, {clients} client(s): fired {engine.Load.Operations:N0} of {due:N0} due timers among {options.FutureTimers:N0} future ones in {seconds:0.0} s ({engine.Load.PerSecond:0} timers/s; 10,000 in < {TargetSeconds} s: {verdict}); still due afterwards: {await DueCountAsync()}"));
    }

    private async Task FireBatchesAsync(int clients, long due, Report.Row baseline)
    {
        const int BatchSize = 100;
        var fired = 0L;
        var row = await probe.MeasureAsync($"engine (c): fire due timers, batches of {BatchSize}", clients, int.MaxValue, async _ =>
        {
            var count = await _runtime.FireDueTimersAsync(BatchSize, CancellationToken.None);
            Interlocked.Add(ref fired, count);
            return count > 0;
        }, baseline);
        var seconds = row.Load.Elapsed.TotalSeconds;
        var verdict = seconds * 10_000 / Math.Max(1, fired) < TargetSeconds ? "met" : "NOT met";
        probe.Report.Detail(Invariant(
            $"(c) batches of {BatchSize}, {clients} client(s): fired {fired:N0} of {due:N0} due timers in {seconds:0.0} s = {fired / seconds:0} timers/s ({fired / seconds / baseline.Load.PerSecond:0.00}× the raw per-timer baseline); per timer: {(double)row.Sql.Statements / fired:0.00} statements, {(double)row.Commits / fired:0.000} commits; 10,000 in < {TargetSeconds} s: {verdict}; still due afterwards: {await DueCountAsync()}"));
    }

    /// <summary>Nothing due: timing and traffic of single calls, and the plan of the query they send.</summary>
    private async Task IdleScanAsync(string when)
    {
        var row = await probe.MeasureAsync($"engine (c): idle scan, nothing due", 1, 200, async _ =>
            await _runtime.FireNextDueTimerAsync(CancellationToken.None) ? throw new InvalidOperationException("A timer was due.") : true);
        probe.Traffic.StartRecording();
        await _runtime.FireNextDueTimerAsync(CancellationToken.None);
        var texts = probe.Traffic.StopRecording();
        probe.Report.Detail(Invariant(
            $"(c) idle scan {when}: {row.PerOperation(row.Sql.Commands):0.##} command(s) + {row.PerOperation(row.Sql.TransactionEnds):0.##} COMMIT/ROLLBACK per call, {row.PerOperation(row.Commits):0.##} write commits, p50 {row.Load.Percentile(50):0.00} ms; statements sent by one call: {texts.Count}"));
        await ExplainAsync(when);
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the query the runtime sends to find the next due timer, as it is now.</summary>
    private async Task ExplainAsync(string when)
    {
        probe.Report.Detail($"(c) plan of the due-timer query, {when}:");
        probe.Report.Detail("    sql: " + string.Join(' ', _findSql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        await using var explain = probe.DataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + _findSql);
        explain.Parameters.Add(new NpgsqlParameter("now", DateTimeOffset.UtcNow));
        explain.Parameters.Add(new NpgsqlParameter("limit", 100));
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            probe.Report.Detail("    plan: " + reader.GetString(0));
        }
    }

    /// <summary>The state of an instance waiting in the timer and what firing it wrote, for the baseline; also warms up both runtimes.</summary>
    private async Task<(WriteTemplate Waiting, WriteTemplate Fired)> TemplatesAsync()
    {
        var started = await _past.StartAsync(BenchProcesses.TimerWait, null, null, null, CancellationToken.None);
        var waiting = await WriteTemplate.ReadAsync(probe.DataSource, started.InstanceId, 0);
        var last = await WriteTemplate.LastHistoryIdAsync(probe.DataSource, started.InstanceId);
        probe.Traffic.StartRecording();
        var fired = await _runtime.FireNextDueTimerAsync(CancellationToken.None);
        _findSql = probe.Traffic.StopRecording().FirstOrDefault(text => text.Contains("bpm.timers", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The runtime sent no query on bpm.timers.");
        if (!fired)
        {
            throw new InvalidOperationException("The sample timer was not due.");
        }
        return (waiting, await WriteTemplate.ReadAsync(probe.DataSource, started.InstanceId, last));
    }

    private async Task<long> DueCountAsync()
    {
        await using var command = probe.DataSource.CreateCommand("SELECT count(*) FROM bpm.timers WHERE due_at <= now()");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = probe.DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
