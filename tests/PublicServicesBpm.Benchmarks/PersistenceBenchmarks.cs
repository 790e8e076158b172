using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// The baseline every later figure is compared with: one transaction that inserts a row and updates it, in raw
/// Npgsql; then the same work through <see cref="AppDbContext"/>, with its statements and commits counted.
/// </summary>
internal sealed class PersistenceBenchmarks(string connectionString, int operations)
{
    public async Task RunAsync(Report report)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var db = NewContext(dataSource, new CommandCounter()))
        {
            await db.Database.MigrateAsync();
        }
        await ExecuteAsync(dataSource, "CREATE TABLE IF NOT EXISTS app.bench_row (id uuid PRIMARY KEY, state text NOT NULL, version int NOT NULL)");

        await RawNpgsqlAsync(dataSource, Math.Min(200, operations)); // warm-up
        report.Add(await RawNpgsqlAsync(dataSource, operations));
        report.Add(await EfCoreAsync(dataSource, operations));
    }

    private static async Task<Report.Row> RawNpgsqlAsync(NpgsqlDataSource dataSource, int count)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var id = Guid.CreateVersion7();
            await using (var insert = new NpgsqlCommand("INSERT INTO app.bench_row (id, state, version) VALUES (@id, 'started', 1)", connection, transaction))
            {
                insert.Parameters.AddWithValue("id", id);
                await insert.ExecuteNonQueryAsync();
            }
            await using (var update = new NpgsqlCommand("UPDATE app.bench_row SET state = 'waiting', version = version + 1 WHERE id = @id", connection, transaction))
            {
                update.Parameters.AddWithValue("id", id);
                await update.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        return new Report.Row("raw Npgsql insert+update transaction (baseline)", count, watch.Elapsed, 2, 1);
    }

    private static async Task<Report.Row> EfCoreAsync(NpgsqlDataSource dataSource, int count)
    {
        var counter = new CommandCounter();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await using var db = NewContext(dataSource, counter);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var key = new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey { FriendlyName = "bench", Xml = "<started/>" };
            db.DataProtectionKeys.Add(key);
            await db.SaveChangesAsync();
            key.Xml = "<waiting/>";
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        return new Report.Row("EF Core AppDbContext insert+update in one transaction", count, watch.Elapsed, (double)counter.Commands / count, 1);
    }

    private static AppDbContext NewContext(NpgsqlDataSource dataSource, CommandCounter counter)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options, dataSource).AddInterceptors(counter);
        return new AppDbContext(options.Options);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the SQL commands EF Core sends (a batch counts once: it is one round trip).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
