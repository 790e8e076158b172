using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster started from the PostgreSQL programs on this machine, so that the host and
/// the tests need no configuration. Creates the cluster once, starts it on a free loopback port (or reuses the
/// server another process already started on the same data directory), creates the database, and stops the
/// server when the last process using it lets go. Never deletes a cluster it did not create for a test run.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "psb";
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromMinutes(2);

    private readonly LocalPostgresOptions _options;
    private readonly PostgresBinaries _binaries;
    private readonly ILogger _logger;
    private readonly string? _runAs;
    private readonly ClusterLeases _leases;
    private int _port;
    private bool _disposed;

    private LocalPostgresCluster(LocalPostgresOptions options, PostgresBinaries binaries, ILogger logger)
    {
        _options = options;
        _binaries = binaries;
        _logger = logger;
        _runAs = ProcessIdentity.IsRoot ? ServiceUser : null;
        _leases = new ClusterLeases(options.LeaseDirectory);
    }

    /// <summary>The connection string of the application database (TCP on 127.0.0.1, password authentication).</summary>
    public string ConnectionString => BuildConnectionString(_options.Database);

    public string DataDirectory => _options.DataDirectory;

    /// <summary>Creates the cluster if needed, starts it or joins the running server, and creates the database.</summary>
    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new LocalPostgresException("The zero-configuration local PostgreSQL runs on Linux only. Set ConnectionStrings:Default to a PostgreSQL server.");
        }
        var absolute = options with { DataDirectory = Path.GetFullPath(options.DataDirectory) };
        var binaries = await PostgresBinaries.LocateAsync(cancellationToken);
        var cluster = new LocalPostgresCluster(absolute, binaries, logger);
        await cluster.EnsureRunningAsync(cancellationToken);
        return cluster;
    }

    /// <summary>
    /// Makes sure the server runs: safe to call at any time and from several processes at once (a file lock
    /// serialises them). Used at start-up and again when the database has gone away while the host runs.
    /// </summary>
    public async Task EnsureRunningAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckServiceUser();
        using var exclusive = await ClusterLock.AcquireAsync(_options.LockFile, s_lockTimeout, cancellationToken);
        await EnsureInitializedAsync(cancellationToken);
        var running = RunningServerPort();
        if (running is { } port)
        {
            _port = port;
            _logger.LogInformation("Reusing the local PostgreSQL server on port {Port} ({DataDirectory})", port, _options.DataDirectory);
        }
        else
        {
            _port = await StartServerAsync(cancellationToken);
            // Pooled connections to a server that died are broken: drop them rather than fail the next commands.
            NpgsqlConnection.ClearAllPools();
            if (_options.Ephemeral)
            {
                Watchdog.StopAndDeleteWhenProcessExits(_options.OwnerProcessId, _binaries, _options, _runAs);
            }
        }
        _leases.Take();
        await EnsureDatabaseAsync(cancellationToken);
    }

    /// <summary>A connection string to another database in the same cluster (tests create one per test class).</summary>
    public string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = SuperUser,
        Password = File.ReadAllText(_options.PasswordFile).Trim(),
        Database = database,
    }.ConnectionString;

    /// <summary>Lets go of the server; stops it when no other live process uses it. Ephemeral clusters are deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        NpgsqlConnection.ClearAllPools();
        using var exclusive = await ClusterLock.AcquireAsync(_options.LockFile, s_lockTimeout, CancellationToken.None);
        _leases.Release();
        if (_leases.CountOtherLiveUsers() > 0)
        {
            _logger.LogInformation("Leaving the local PostgreSQL server running: another process still uses it");
            return;
        }
        if (RunningServerPort() is null)
        {
            _logger.LogWarning("The local PostgreSQL server had already stopped ({DataDirectory})", _options.DataDirectory);
        }
        else if (await OsCommand.RunAsync(_binaries.PgCtl, ["-D", _options.DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], _runAs, CancellationToken.None) is { Succeeded: false } result)
        {
            _logger.LogWarning("Stopping the local PostgreSQL server failed: {Output}", result.Output.Trim());
        }
        else
        {
            _logger.LogInformation("Stopped the local PostgreSQL server ({DataDirectory})", _options.DataDirectory);
        }
        if (_options.Ephemeral)
        {
            DeleteEphemeralFiles(_options);
        }
    }

    internal static void DeleteEphemeralFiles(LocalPostgresOptions options)
    {
        foreach (var directory in new[] { options.DataDirectory, options.LeaseDirectory })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        File.Delete(options.PasswordFile);
        File.Delete(options.PortFile);
        File.Delete(options.LockFile);
    }

    private void CheckServiceUser()
    {
        if (_runAs is not null && !File.ReadAllLines("/etc/passwd").Any(line => line.StartsWith(_runAs + ":", StringComparison.Ordinal)))
        {
            throw new LocalPostgresException(
                $"Running as root, the local PostgreSQL server must run as the '{_runAs}' system user, which does not exist. "
                + "Installing the PostgreSQL server package creates it ('apt-get install postgresql'); or run as a normal user.");
        }
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        var directory = _options.DataDirectory;
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            CheckExistingCluster(directory);
            return;
        }
        _logger.LogInformation("Creating a local PostgreSQL {Version} cluster in {DataDirectory}", _binaries.MajorVersion, directory);
        Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        Directory.CreateDirectory(directory);
        OwnerOnly(directory, UnixFileMode.UserExecute);
        await GiveToServiceUserAsync(directory, cancellationToken);
        await CheckServiceUserCanWriteAsync(directory, cancellationToken);

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(_options.PasswordFile, password, cancellationToken);
        OwnerOnly(_options.PasswordFile, UnixFileMode.None);

        // initdb runs as the service user and must read the password: hand it over in a private temporary file.
        var passwordForInitDb = Path.Combine(Path.GetTempPath(), $"psb-initdb-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordForInitDb, password, cancellationToken);
        OwnerOnly(passwordForInitDb, UnixFileMode.None);
        try
        {
            await GiveToServiceUserAsync(passwordForInitDb, cancellationToken);
            List<string> arguments = ["-D", directory, "-U", SuperUser, "--auth=scram-sha-256", $"--pwfile={passwordForInitDb}", "-E", "UTF8", "--locale=C.UTF-8"];
            if (!_options.Durable)
            {
                arguments.Add("--no-sync");
            }
            var result = await OsCommand.RunAsync(_binaries.InitDb, arguments, _runAs, cancellationToken);
            if (!result.Succeeded)
            {
                throw new LocalPostgresException($"initdb could not create the PostgreSQL cluster in {directory}:{Environment.NewLine}{result.Output.Trim()}");
            }
        }
        finally
        {
            File.Delete(passwordForInitDb);
        }
    }

    private void CheckExistingCluster(string directory)
    {
        var versionFile = Path.Combine(directory, "PG_VERSION");
        if (!File.Exists(versionFile))
        {
            throw new LocalPostgresException(
                $"{directory} is not empty and is not a PostgreSQL data directory (it has no PG_VERSION). It was left untouched. "
                + "Move it away, point LocalPostgres:DataDirectory elsewhere, or set ConnectionStrings:Default.");
        }
        var version = File.ReadAllText(versionFile).Trim();
        if (version != _binaries.MajorVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new LocalPostgresException(
                $"{directory} holds a PostgreSQL {version} cluster but the installed server is PostgreSQL {_binaries.MajorVersion}. "
                + $"It was left untouched. Install PostgreSQL {version}, or upgrade the cluster with pg_upgrade.");
        }
        if (!File.Exists(_options.PasswordFile))
        {
            throw new LocalPostgresException(
                $"The PostgreSQL cluster in {directory} has no password file ({_options.PasswordFile}), so it cannot be reached. "
                + "It was left untouched. Restore the file, or move the cluster away to have a new one created.");
        }
    }

    /// <summary>The port of a live server on our data directory, or null; a pid file left by a crash is removed.</summary>
    private int? RunningServerPort()
    {
        var pidFile = Path.Combine(_options.DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }
        // postmaster.pid: line 1 = pid, line 4 = port (see PostgreSQL's pidfile.h).
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length >= 4
            && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && ProcessIdentity.IsPostgres(pid)
            && ProcessIdentity.WorksIn(pid, _options.DataDirectory))
        {
            return port;
        }
        _logger.LogWarning("Removing a stale postmaster.pid left by a server that is no longer running ({DataDirectory})", _options.DataDirectory);
        File.Delete(pidFile);
        return null;
    }

    private async Task<int> StartServerAsync(CancellationToken cancellationToken)
    {
        const int Attempts = 5;
        // Once this process has handed out connection strings, a restart must come back on the same port.
        var portIsFixed = _port != 0;
        for (var attempt = 1; ; attempt++)
        {
            var port = portIsFixed ? _port : attempt == 1 ? PreferredPort() : FreeLoopbackPort();
            List<string> settings = ["-p", port.ToString(CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=''"];
            if (!_options.Durable)
            {
                // Safe against a crash of the server process (the OS still has the data), not of the machine.
                // Test runs start dozens of hosts at once (each with its pool and Hangfire workers): room for them all,
                // so a busy run does not answer "too many clients" (seen as a 503 from a host in CI).
                settings.AddRange(["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=400"]);
            }
            var result = await OsCommand.RunAsync(
                _binaries.PgCtl,
                ["-D", _options.DataDirectory, "-l", _options.ServerLog, "-w", "-t", "120", "-o", string.Join(' ', settings), "start"],
                _runAs,
                cancellationToken);
            if (result.Succeeded)
            {
                _logger.LogInformation("Started the local PostgreSQL server on 127.0.0.1:{Port} ({DataDirectory})", port, _options.DataDirectory);
                await File.WriteAllTextAsync(_options.PortFile, port.ToString(CultureInfo.InvariantCulture), cancellationToken);
                return port;
            }
            var log = ServerLogTail();
            if (attempt < Attempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                _logger.LogWarning("Port {Port} was taken meanwhile; trying another", port);
                continue;
            }
            if (attempt < Attempts && log.Contains("shared memory block", StringComparison.OrdinalIgnoreCase))
            {
                // After a crash the old server's child processes need a moment to notice and exit.
                _logger.LogWarning("Processes of a crashed server still hold its shared memory; waiting for them to exit");
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                continue;
            }
            throw new LocalPostgresException(
                $"The local PostgreSQL server in {_options.DataDirectory} did not start. The data was left untouched.{Environment.NewLine}"
                + $"pg_ctl: {result.Output.Trim()}{Environment.NewLine}server log (last lines):{Environment.NewLine}{log}");
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(BuildConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", _options.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_options.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            _logger.LogInformation("Created database {Database}", _options.Database);
        }
    }

    private async Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        if (_runAs is null)
        {
            return;
        }
        var result = await OsCommand.RunAsync("chown", [$"{_runAs}:", path], asUser: null, cancellationToken);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException($"Could not give {path} to the '{_runAs}' user: {result.Output.Trim()}");
        }
    }

    /// <summary>Running as root, the data may sit below a private folder (e.g. /root) the service user cannot enter.</summary>
    private async Task CheckServiceUserCanWriteAsync(string directory, CancellationToken cancellationToken)
    {
        if (_runAs is not null && !(await OsCommand.RunAsync("test", ["-w", directory, "-a", "-x", directory], _runAs, cancellationToken)).Succeeded)
        {
            throw new LocalPostgresException(
                $"The '{_runAs}' user cannot reach {directory}: a folder above it is private to root. "
                + "Point LocalPostgres:DataDirectory at a folder other users can enter (e.g. under /var/lib or /srv), or set ConnectionStrings:Default.");
        }
    }

    private string ServerLogTail()
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(_options.ServerLog).TakeLast(15));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    /// <summary>Read and write for the owner only (plus <paramref name="extra"/>): PostgreSQL insists on it for PGDATA.</summary>
    private static void OwnerOnly(string path, UnixFileMode extra)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);
        }
    }

    /// <summary>The port the cluster had last time when it is still free (stable URLs for tools like psql), else any free one.</summary>
    private int PreferredPort()
    {
        if (File.Exists(_options.PortFile)
            && int.TryParse(File.ReadAllText(_options.PortFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var recorded)
            && IsFree(recorded))
        {
            return recorded;
        }
        return FreeLoopbackPort();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
