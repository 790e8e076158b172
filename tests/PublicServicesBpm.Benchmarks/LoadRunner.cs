using System.Diagnostics;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// Runs one operation over and over from several concurrent clients (each its own loop, all sharing the data
/// source's pool) and times each call. Clients take operation numbers from one shared counter.
/// </summary>
internal static class LoadRunner
{
    /// <param name="clients">Concurrent clients.</param>
    /// <param name="limit">Operation numbers 0 .. limit-1 are handed out, each once.</param>
    /// <param name="operation">Runs operation <c>i</c>; returns false when there is no more work (that call is not counted).</param>
    public static async Task<LoadResult> RunAsync(int clients, int limit, Func<int, Task<bool>> operation)
    {
        var next = -1;
        async Task<List<double>> ClientAsync()
        {
            var latencies = new List<double>();
            for (var i = Interlocked.Increment(ref next); i < limit; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                if (!await operation(i))
                {
                    break;
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return latencies;
        }

        var watch = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(ClientAsync)));
        var elapsed = watch.Elapsed;
        var all = perClient.SelectMany(latencies => latencies).ToArray();
        Array.Sort(all);
        return new LoadResult(elapsed, all);
    }
}

/// <summary>The wall-clock time of a run and every counted call's latency in milliseconds, sorted.</summary>
internal sealed record LoadResult(TimeSpan Elapsed, double[] SortedLatencies)
{
    public int Operations => SortedLatencies.Length;

    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double percent) => SortedLatencies.Length == 0
        ? double.NaN
        : SortedLatencies[Math.Clamp((int)Math.Ceiling(percent / 100 * SortedLatencies.Length) - 1, 0, SortedLatencies.Length - 1)];
}
