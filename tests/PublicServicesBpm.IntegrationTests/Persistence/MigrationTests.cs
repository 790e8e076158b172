using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesAllMigrationsThenNothing()
    {
        var postgres = await TestPostgres.InstanceAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await ExecuteAsync(connectionString, "DROP SCHEMA app CASCADE; DROP SCHEMA bpm CASCADE; DROP SCHEMA hangfire CASCADE; DROP SCHEMA idp CASCADE");
        try
        {
            await using var db = NewContext(connectionString);

            var first = await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
            var second = await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);

            Assert.Equal(db.Database.GetMigrations(), first);
            Assert.Empty(second);
            var schemas = await ScalarListAsync(connectionString, "SELECT nspname FROM pg_namespace WHERE nspname IN ('app','bpm','hangfire','idp') ORDER BY 1");
            Assert.Equal(["app", "bpm", "hangfire", "idp"], schemas);
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Model_EveryTableAndColumn_IsSnakeCaseAndEveryInstantIsTimestamptz()
    {
        var postgres = await TestPostgres.InstanceAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        try
        {
            var names = await ScalarListAsync(connectionString,
                "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema IN ('app','bpm')");
            var instantsWithoutZone = await ScalarListAsync(connectionString,
                "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema IN ('app','bpm') AND data_type = 'timestamp without time zone'");

            Assert.Contains("data_protection_keys.friendly_name", names);
            Assert.All(names, name => Assert.Equal(name.ToLowerInvariant(), name));
            Assert.Empty(instantsWithoutZone);
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
        }
    }

    internal static AppDbContext NewContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options, NpgsqlDataSource.Create(connectionString));
        return new AppDbContext(options.Options);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ScalarListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
