using PublicServicesBpm.Persistence.LocalPostgres;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// The PostgreSQL server the host uses: the one named by <c>ConnectionStrings:Default</c>, or — when none is
/// configured — a private local cluster under <c>LocalPostgres:DataDirectory</c> (default <c>.data/postgres</c>)
/// that this process starts or joins, and stops last on shutdown.
/// </summary>
internal sealed class DatabaseServer : IAsyncDisposable
{
    public const string ConnectionStringName = "Default";
    private const string DefaultDataDirectory = ".data/postgres";

    private DatabaseServer(string connectionString, LocalPostgresCluster? localCluster)
    {
        ConnectionString = connectionString;
        LocalCluster = localCluster;
    }

    public string ConnectionString { get; }

    /// <summary>The local cluster when this host runs one; null when an external server is configured.</summary>
    public LocalPostgresCluster? LocalCluster { get; }

    /// <summary>An existing server; nothing to start or stop.</summary>
    public static DatabaseServer External(string connectionString) => new(connectionString, localCluster: null);

    public static async Task<DatabaseServer> ConnectAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return External(configured);
        }
        var options = new LocalPostgresOptions
        {
            DataDirectory = configuration["LocalPostgres:DataDirectory"] ?? DefaultDataDirectory,
            Database = configuration["LocalPostgres:Database"] ?? "publicservicesbpm",
        };
        var cluster = await LocalPostgresCluster.StartAsync(options, logger, cancellationToken);
        return new DatabaseServer(cluster.ConnectionString, cluster);
    }

    public ValueTask DisposeAsync() => LocalCluster?.DisposeAsync() ?? ValueTask.CompletedTask;
}
