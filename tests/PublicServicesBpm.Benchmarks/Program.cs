using Microsoft.Extensions.Logging.Abstractions;
using PublicServicesBpm.Benchmarks;
using PublicServicesBpm.Persistence.LocalPostgres;

// Prints throughput figures for the persistence path against a raw-Npgsql baseline measured in the same run
// on the same server, so the ratio means something on a noisy machine. Usage:
//   dotnet run -c Release --project tests/PublicServicesBpm.Benchmarks [-- <operations per measurement>]
var operations = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 2000;
var directory = Path.Combine(Path.GetTempPath(), "psb-benchmarks", Guid.NewGuid().ToString("N"), "postgres");
// Durable (fsync on) so commits cost what they cost in production; thrown away afterwards.
await using var cluster = await LocalPostgresCluster.StartAsync(
    new LocalPostgresOptions { DataDirectory = directory, Database = "bench", Ephemeral = true, Durable = true },
    NullLogger.Instance,
    CancellationToken.None);

Console.WriteLine($"PostgreSQL benchmarks: {operations} operations per measurement, one connection, fsync on");
var report = new Report();
await new PersistenceBenchmarks(cluster.ConnectionString, operations).RunAsync(report);
// Configured like the host's data source (see PersistenceServiceCollectionExtensions.AddPersistence).
await using (var dataSource = Npgsql.NpgsqlDataSource.Create(new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString) { NoResetOnClose = true }.ConnectionString))
{
    await new EngineBenchmarks(dataSource, operations).RunAsync(report);
}
report.Print();
