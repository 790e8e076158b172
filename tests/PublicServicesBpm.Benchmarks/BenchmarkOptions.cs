using System.Globalization;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// How much work each measurement does. Usage (every option is optional; a bare number is <c>--operations</c>):
/// <c>--operations 2000 --clients 1,8 --due-timers 10000 --future-timers 1000000 --loop 1000 --deadline-dossiers 1000000 --deadline-crossings 10000 --only engine,dossiers</c>.
/// </summary>
internal sealed record BenchmarkOptions
{
    /// <summary>Commands per measurement of (a) and (b), shared by all clients.</summary>
    public int Operations { get; init; } = 2000;

    /// <summary>The numbers of concurrent clients each measurement runs with.</summary>
    public IReadOnlyList<int> Clients { get; init; } = [1, 8];

    /// <summary>Due timers (of real waiting instances) fired per measurement of (c).</summary>
    public int DueTimers { get; init; } = 10_000;

    /// <summary>Far-future timer rows that sit in the table during (c) and must not be touched.</summary>
    public int FutureTimers { get; init; } = 1_000_000;

    /// <summary>Iterations of the user-task loop of (d).</summary>
    public int LoopIterations { get; init; } = 1000;

    /// <summary>Open dossiers (already seen by the deadline monitor) in app.dossiers during (g); 0 skips (g).</summary>
    public int DeadlineDossiers { get; init; } = 1_000_000;

    /// <summary>Dossiers whose threshold has passed, crossed by one scan of (g); as many unseen ones are then seen.</summary>
    public int DeadlineCrossings { get; init; } = 10_000;

    /// <summary>The benchmark groups to run (persistence, engine, timers, rows, catalogue, dossiers, deadlines); null runs all.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    public bool Runs(string group) => Only is null || Only.Contains(group);

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (i == 0 && TryCount(args[0], out var bare))
            {
                options = options with { Operations = bare };
                continue;
            }
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.");
            options = args[i - 1] switch
            {
                "--operations" => options with { Operations = Count(value) },
                "--clients" => options with { Clients = [.. value.Split(',').Select(Count)] },
                "--due-timers" => options with { DueTimers = Count(value) },
                "--future-timers" => options with { FutureTimers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--loop" => options with { LoopIterations = Count(value) },
                "--deadline-dossiers" => options with { DeadlineDossiers = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) },
                "--deadline-crossings" => options with { DeadlineCrossings = Count(value) },
                "--only" => options with { Only = value.Split(',').ToHashSet(StringComparer.Ordinal) },
                _ => throw new ArgumentException($"Unknown option {args[i - 1]}."),
            };
        }
        return options;
    }

    private static int Count(string text) =>
        TryCount(text, out var count) ? count : throw new ArgumentException($"'{text}' is not a positive whole number.");

    private static bool TryCount(string text, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;
}
