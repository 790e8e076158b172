using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.LocalPostgres;

namespace PublicServicesBpm.Testing;

/// <summary>
/// The PostgreSQL server of one test process: a throw-away local cluster (started on first use, stopped and
/// deleted when the process ends, even if it is killed), or the server named by the environment variable
/// <see cref="ConnectionStringVariable"/>. It holds a template database with every migration and Hangfire's
/// schema applied once; each test gets a fresh copy (CREATE DATABASE … TEMPLATE, tens of milliseconds).
/// </summary>
public sealed class TestPostgres
{
    /// <summary>Connection string of an existing server to use instead of a local cluster (needs CREATEDB).</summary>
    public const string ConnectionStringVariable = "PSB_TEST_POSTGRES";

    private static readonly Lazy<Task<TestPostgres>> s_instance = new(StartAsync);
    private static int s_databaseCounter;
    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly string _template;

    private TestPostgres(string serverConnectionString, string template)
    {
        _server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        _template = template;
    }

    public static Task<TestPostgres> InstanceAsync() => s_instance.Value;

    /// <summary>Creates a new database from the migrated template and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"{_template}_{Interlocked.Increment(ref s_databaseCounter)}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task<TestPostgres> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        var template = $"psb_test_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..6]}";
        string serverConnectionString;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            serverConnectionString = configured;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropLeftoversAsync(configured, template).GetAwaiter().GetResult();
        }
        else
        {
            var root = Path.Combine(Path.GetTempPath(), "psb-test-postgres");
            Directory.CreateDirectory(root);
            var cluster = await LocalPostgresCluster.StartAsync(
                new LocalPostgresOptions { DataDirectory = Path.Combine(root, template), Database = "postgres", Ephemeral = true, Durable = false },
                NullLogger.Instance,
                CancellationToken.None);
            // xUnit v2 has no assembly fixture: stop the cluster when the test process ends normally;
            // the cluster's watchdog covers the abnormal endings.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            serverConnectionString = cluster.ConnectionString;
        }
        var postgres = new TestPostgres(serverConnectionString, template);
        await postgres.CreateTemplateAsync();
        return postgres;
    }

    /// <summary>On a shared server, leave nothing behind: the template and any database a test did not drop.</summary>
    private static async Task DropLeftoversAsync(string serverConnectionString, string template)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname = @t OR datname LIKE @prefix", connection);
        list.Parameters.AddWithValue("t", template);
        list.Parameters.AddWithValue("prefix", template + "\\_%");
        var names = new List<string>();
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_template}\"", CancellationToken.None);
        var connectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _template, Pooling = false }.ConnectionString;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            PersistenceServiceCollectionExtensions.Configure(options, dataSource);
            await using var db = new AppDbContext(options.Options);
            await db.Database.MigrateAsync();
        }
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            PostgreSqlObjectsInstaller.Install(connection, AppDbContext.HangfireSchema);
        }
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
