using Microsoft.Extensions.Logging.Abstractions;
using PublicServicesBpm.Benchmarks;
using PublicServicesBpm.Persistence.LocalPostgres;

// Prints throughput, latency and SQL traffic of the engine's commands against raw-Npgsql baselines measured in
// the same run, on the same server, with the same number of clients, so the ratios mean something on a noisy
// machine. Usage (see BenchmarkOptions):
//   dotnet run -c Release --project tests/PublicServicesBpm.Benchmarks [-- [--operations 2000] [--clients 1,8]
//       [--due-timers 10000] [--future-timers 1000000] [--loop 1000] [--only engine,dossiers]]
var options = BenchmarkOptions.Parse(args);
var directory = Path.Combine(Path.GetTempPath(), "psb-benchmarks", Guid.NewGuid().ToString("N"), "postgres");
// Durable (fsync on) so commits cost what they cost in production; thrown away afterwards.
await using var cluster = await LocalPostgresCluster.StartAsync(
    new LocalPostgresOptions { DataDirectory = directory, Database = "bench", Ephemeral = true, Durable = true },
    NullLogger.Instance,
    CancellationToken.None);

using var traffic = new SqlTraffic();
await using var dataSource = traffic.CreateDataSource(cluster.ConnectionString);
await MachineFacts.PrintAsync(dataSource);
Console.WriteLine($"options: {options.Operations} operations per measurement of (a)/(b), clients {string.Join(",", options.Clients)}, " +
    $"{options.DueTimers} due timers among {options.FutureTimers} future ones, loop of {options.LoopIterations}");
Console.WriteLine(Report.Header);

var report = new Report();
var probe = new Probe(dataSource, traffic, report);
await PersistenceBenchmarks.MigrateAsync(dataSource);
await new BaselineWrites(dataSource).CreateTablesAsync();
if (options.Runs("persistence"))
{
    await new PersistenceBenchmarks(probe, options.Operations).RunAsync();
}
if (options.Runs("engine"))
{
    await new EngineBenchmarks(probe, options).RunAsync();
}
if (options.Runs("timers"))
{
    await new TimerBenchmarks(probe, options).RunAsync();
}
if (options.Runs("rows"))
{
    await new RowSizeBenchmark(probe, options).RunAsync();
}
if (options.Runs("catalogue"))
{
    await new CatalogueSearchBenchmark(probe, options.Operations).RunAsync();
}
if (options.Runs("dossiers"))
{
    await new DossierBenchmarks(probe, options).RunAsync();
}
if (options.Runs("deadlines") && options.DeadlineDossiers > 0)
{
    await new DeadlineBenchmarks(probe, options).RunAsync();
}

report.Note("cl = concurrent clients, each its own loop, sharing one NpgsqlDataSource pool (configured like the host's: NoResetOnClose).");
report.Note("rt/op = round trips: commands and batches (Npgsql tracing; a batch counts once) + COMMIT/ROLLBACK (Npgsql transaction log events). BEGIN rides with the first command.");
report.Note("stmt/op = SQL statements: each statement inside a batch counts (batch size set on the trace by a batch enrichment callback); BEGIN/COMMIT/ROLLBACK not included.");
report.Note("commit/op = write transactions committed, from PostgreSQL's next transaction id (pg_snapshot_xmax(pg_current_snapshot())) before and after.");
report.Note("cpu ms/op = CPU time of this .NET process (all its threads) per operation: the client's share; PostgreSQL's backends use the same 2 cores.");
report.Note("vs base = ops/s divided by the raw row just above it (same run, same clients). Raw rows write copies of the engine's own rows (state, task, history) into bench.* tables made LIKE bpm.* (same indexes), one batch + COMMIT.");
report.Note("commit/op counts transaction ids, so a savepoint that writes counts too: that is EF Core's 3 (it wraps each SaveChanges in a SAVEPOINT inside the user transaction); the engine uses none.");
report.Note("(c) rows: each client loops until nothing is due; its last call (nothing due, rolled back) is in the traffic but not in ops or latency.");
report.Note("load average at end: " + MachineFacts.LoadAverage());
report.Print();
