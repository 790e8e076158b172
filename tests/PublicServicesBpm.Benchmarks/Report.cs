using System.Globalization;

namespace PublicServicesBpm.Benchmarks;

/// <summary>One row per measurement: rate, statements and commits per operation, and the ratio to the baseline.</summary>
internal sealed class Report
{
    private readonly List<Row> _rows = [];

    public sealed record Row(string Name, int Operations, TimeSpan Elapsed, double StatementsPerOperation, double CommitsPerOperation)
    {
        public double PerSecond => Operations / Elapsed.TotalSeconds;
    }

    private readonly List<string> _notes = [];

    public void Add(Row row) => _rows.Add(row);

    public void Note(string note) => _notes.Add(note);

    public void Print()
    {
        var baseline = _rows[0].PerSecond;
        Console.WriteLine();
        Console.WriteLine($"{"measurement",-52} {"ops/s",10} {"stmts/op",9} {"commits/op",11} {"vs baseline",12}");
        foreach (var row in _rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Name,-52} {row.PerSecond,10:0} {row.StatementsPerOperation,9:0.0} {row.CommitsPerOperation,11:0.0} {row.PerSecond / baseline,11:0.00}x"));
        }
        foreach (var note in _notes)
        {
            Console.WriteLine("note: " + note);
        }
    }
}
