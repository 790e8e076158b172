using System.Diagnostics;
using Npgsql;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// Measures one operation under load and adds a report row: its timing (<see cref="LoadRunner"/>), the SQL it
/// sent (<see cref="SqlTraffic"/>) and the write transactions PostgreSQL committed meanwhile.
/// </summary>
internal sealed class Probe(NpgsqlDataSource dataSource, SqlTraffic traffic, Report report, bool warmUp = false)
{
    /// <summary>The same probe, but its measurements only warm up (JIT, caches, pool) and are not reported.</summary>
    public Probe ForWarmUp() => new(dataSource, traffic, report, warmUp: true);

    public NpgsqlDataSource DataSource => dataSource;

    public SqlTraffic Traffic => traffic;

    public Report Report => report;

    public async Task<Report.Row> MeasureAsync(string name, int clients, int limit, Func<int, Task<bool>> operation, Report.Row? baseline = null)
    {
        var before = await NextTransactionIdAsync();
        traffic.Take();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var load = await LoadRunner.RunAsync(clients, limit, operation);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var counts = traffic.Take();
        var commits = await NextTransactionIdAsync() - before;
        var row = new Report.Row(name, clients, load, counts, commits, cpu, baseline);
        if (!warmUp)
        {
            report.Add(row);
        }
        return row;
    }

    /// <summary>
    /// The next transaction id to be assigned: every writing transaction takes exactly one, read-only ones none,
    /// so the difference between two readings counts write commits (and rolled-back writes; the benchmarks
    /// roll back none). The reading itself takes none.
    /// </summary>
    private async Task<long> NextTransactionIdAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
