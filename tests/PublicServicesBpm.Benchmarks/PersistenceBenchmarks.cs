using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// Migrates the database, then the reference rows kept from the first version of this program: one transaction
/// that inserts a row and updates it (two commands and a COMMIT), in raw Npgsql and through
/// <see cref="AppDbContext"/> (EF Core), one client.
/// </summary>
internal sealed class PersistenceBenchmarks(Probe probe, int operations)
{
    public static async Task MigrateAsync(NpgsqlDataSource dataSource)
    {
        await using var db = NewContext(dataSource);
        await db.Database.MigrateAsync();
        await using var command = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS app.bench_row (id uuid PRIMARY KEY, state text NOT NULL, version int NOT NULL)");
        await command.ExecuteNonQueryAsync();
    }

    public async Task RunAsync()
    {
        await probe.ForWarmUp().MeasureAsync("warm-up", 1, Math.Min(200, operations), RawNpgsqlAsync);
        var baseline = await probe.MeasureAsync("raw: insert+update a row, 2 commands", 1, operations, RawNpgsqlAsync);
        await probe.MeasureAsync("EF Core: insert+update a row, 2 SaveChanges", 1, operations, EfCoreAsync, baseline);
    }

    private async Task<bool> RawNpgsqlAsync(int _)
    {
        await using var connection = await probe.DataSource.OpenConnectionAsync();
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
        return true;
    }

    private async Task<bool> EfCoreAsync(int _)
    {
        await using var db = NewContext(probe.DataSource);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var key = new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey { FriendlyName = "bench", Xml = "<started/>" };
        db.DataProtectionKeys.Add(key);
        await db.SaveChangesAsync();
        key.Xml = "<waiting/>";
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    private static AppDbContext NewContext(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options, dataSource);
        return new AppDbContext(options.Options);
    }
}
