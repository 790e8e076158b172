namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>Where and how the host (or a test run) keeps its private PostgreSQL cluster.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>The cluster's data directory (PGDATA). Its password, lock and lease files live beside it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The application database created in the cluster.</summary>
    public string Database { get; init; } = "publicservicesbpm";

    /// <summary>
    /// A throw-away cluster (a test run, a benchmark): stopped and deleted when the owning process ends, even
    /// when that process is killed (a detached watchdog does it).
    /// </summary>
    public bool Ephemeral { get; init; }

    /// <summary>
    /// Whether commits wait for the disk (fsync, synchronous commit, full page writes). Only test clusters turn
    /// it off, for speed; benchmarks keep it on so their figures mean something.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>The process whose end stops an ephemeral cluster; this process unless a test says otherwise.</summary>
    internal int OwnerProcessId { get; init; } = Environment.ProcessId;

    internal string PasswordFile => DataDirectory + ".password";

    internal string LockFile => DataDirectory + ".lock";

    internal string PortFile => DataDirectory + ".port";

    internal string LeaseDirectory => DataDirectory + ".users";

    internal string ServerLog => Path.Combine(DataDirectory, "server.log");
}
