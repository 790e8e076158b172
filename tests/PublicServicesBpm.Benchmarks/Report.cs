using System.Globalization;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// One row per measurement (rate, latency percentiles, round trips, statements and write commits per
/// operation, and the ratio to its baseline measured in the same run with the same clients), then free-form
/// sections (plans, row sizes, notes).
/// </summary>
internal sealed class Report
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _details = [];
    private readonly List<string> _notes = [];

    public sealed record Row(string Name, int Clients, LoadResult Load, SqlCounts Sql, long Commits, TimeSpan ClientCpu, Row? Baseline)
    {
        public double PerOperation(long count) => Load.Operations == 0 ? double.NaN : (double)count / Load.Operations;
    }

    public void Add(Row row)
    {
        _rows.Add(row);
        Console.WriteLine(Line(row)); // progress, and a record if a later step fails
    }

    public void Detail(string line)
    {
        _details.Add(line);
        Console.WriteLine(line);
    }

    public void Note(string note) => _notes.Add(note);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine(Header);
        foreach (var row in _rows)
        {
            Console.WriteLine(Line(row));
        }
        Console.WriteLine();
        foreach (var detail in _details)
        {
            Console.WriteLine(detail);
        }
        foreach (var note in _notes)
        {
            Console.WriteLine("note: " + note);
        }
    }

    public static string Header =>
        $"{"measurement",-50} {"cl",2} {"ops",7} {"secs",6} {"ops/s",7} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"rt/op",6} {"stmt/op",7} {"commit/op",9} {"cpu ms/op",9} {"vs base",7}";

    private static string Line(Row row) => string.Create(CultureInfo.InvariantCulture,
        $"{row.Name,-50} {row.Clients,2} {row.Load.Operations,7} {row.Load.Elapsed.TotalSeconds,6:0.0} {row.Load.PerSecond,7:0} " +
        $"{row.Load.Percentile(50),7:0.00} {row.Load.Percentile(95),7:0.00} {row.Load.Percentile(99),7:0.00} " +
        $"{row.PerOperation(row.Sql.RoundTrips),6:0.00} {row.PerOperation(row.Sql.Statements),7:0.00} {row.PerOperation(row.Commits),9:0.00} {row.ClientCpu.TotalMilliseconds / row.Load.Operations,9:0.00} " +
        $"{(row.Baseline is { } baseline ? (row.Load.PerSecond / baseline.Load.PerSecond).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-"),7}");
}
