using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PublicServicesBpm.Persistence.LocalPostgres;

namespace PublicServicesBpm.IntegrationTests.Persistence.LocalPostgres;

/// <summary>Each test makes its own cluster in a temporary directory (not the shared test cluster).</summary>
public sealed class LocalPostgresClusterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "psb-cluster-tests", Guid.NewGuid().ToString("N"));

    private LocalPostgresOptions Options(bool ephemeral = false) =>
        new() { DataDirectory = Path.Combine(_root, "postgres"), Database = "sample", Ephemeral = ephemeral, Durable = false };

    [Fact]
    public async Task StartAsync_EmptyDirectory_CreatesClusterAndDatabase()
    {
        await using var cluster = await LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None);

        Assert.Equal("sample", await ScalarAsync<string>(cluster.ConnectionString, "SELECT current_database()"));
        Assert.Equal("UTF8", await ScalarAsync<string>(cluster.ConnectionString, "SHOW server_encoding"));
        Assert.True(File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")));
    }

    [Fact]
    public async Task StartAsync_SecondUserOfSameDirectory_ReusesServerUntilLastLetsGo()
    {
        var first = await LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None);
        var second = await LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None);
        var serverPid = ServerPid();

        Assert.Equal(first.ConnectionString, second.ConnectionString);
        await first.DisposeAsync();
        Assert.Equal(1, await ScalarAsync<int>(second.ConnectionString, "SELECT 1"));
        Assert.Equal(serverPid, ServerPid());

        await second.DisposeAsync();
        Assert.False(File.Exists(PidFile), "the last user stops the server");
    }

    [Fact]
    public async Task StartAsync_StalePidFileOfAnotherProcess_RemovesItAndStarts()
    {
        var cluster = await LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None);
        await cluster.DisposeAsync();
        // As after a crash and a reboot: the recorded pid now belongs to some other process (ours).
        await File.WriteAllTextAsync(PidFile, $"{Environment.ProcessId}\n{Options().DataDirectory}\n0\n5432\n\n127.0.0.1\n0 0\nready\n");

        await using var restarted = await LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None);

        Assert.Equal(1, await ScalarAsync<int>(restarted.ConnectionString, "SELECT 1"));
        Assert.NotEqual(Environment.ProcessId, ServerPid());
    }

    [Fact]
    public async Task StartAsync_ServerKilled_StartsAgainWithDataKept()
    {
        var cluster = await LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None);
        var handedOut = cluster.ConnectionString;
        await ExecuteAsync(handedOut, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
        Process.GetProcessById(ServerPid()).Kill(entireProcessTree: false);
        await WaitUntilAsync(() => !IsAlive(ServerPidOrZero()));

        await cluster.EnsureRunningAsync(CancellationToken.None);

        // Same port: connection strings already handed out (data sources, Hangfire) keep working.
        Assert.Equal(handedOut, cluster.ConnectionString);
        Assert.Equal("still here", await ScalarAsync<string>(handedOut, "SELECT value FROM kept"));
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_AfterCleanStop_ComesBackOnTheSamePortWithTheData()
    {
        var first = await LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None);
        await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
        var firstConnectionString = first.ConnectionString;
        await first.DisposeAsync();

        await using var second = await LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None);

        Assert.Equal(firstConnectionString, second.ConnectionString);
        Assert.Equal("still here", await ScalarAsync<string>(second.ConnectionString, "SELECT value FROM kept"));
    }

    [Fact]
    public async Task StartAsync_ForeignDirectory_FailsClearlyAndTouchesNothing()
    {
        Directory.CreateDirectory(Options().DataDirectory);
        var precious = Path.Combine(Options().DataDirectory, "precious.txt");
        await File.WriteAllTextAsync(precious, "not a database");

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() => LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Contains("is not a PostgreSQL data directory", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a database", await File.ReadAllTextAsync(precious));
        Assert.Single(Directory.GetFileSystemEntries(Options().DataDirectory));
    }

    [Fact]
    public async Task StartAsync_ClusterOfOtherMajorVersion_FailsNamingBothVersions()
    {
        Directory.CreateDirectory(Options().DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(Options().DataDirectory, "PG_VERSION"), "9\n");

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() => LocalPostgresCluster.StartAsync(Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Contains("PostgreSQL 9 cluster", error.Message, StringComparison.Ordinal);
        Assert.Equal("9\n", await File.ReadAllTextAsync(Path.Combine(Options().DataDirectory, "PG_VERSION")));
    }

    [Fact]
    public async Task StartAsync_AsRootBelowAPrivateFolder_FailsSayingThePostgresUserCannotReachIt()
    {
        Assert.Equal("root", Environment.UserName);
        var privateFolder = Path.Combine(_root, "private");
        Directory.CreateDirectory(privateFolder);
        File.SetUnixFileMode(privateFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = Options() with { DataDirectory = Path.Combine(privateFolder, "postgres") };

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() => LocalPostgresCluster.StartAsync(options, NullLogger.Instance, CancellationToken.None));

        Assert.Contains("cannot reach", error.Message, StringComparison.Ordinal);
        Assert.Contains("LocalPostgres:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorksIn_ThisProcessAndAnotherFolder_TellsThemApart()
    {
        Assert.True(ProcessIdentity.WorksIn(Environment.ProcessId, Environment.CurrentDirectory));
        Assert.False(ProcessIdentity.WorksIn(Environment.ProcessId, Path.Combine(_root, "elsewhere")));
    }

    [Fact]
    public async Task DisposeAsync_EphemeralCluster_StopsServerAndDeletesFiles()
    {
        var cluster = await LocalPostgresCluster.StartAsync(Options(ephemeral: true), NullLogger.Instance, CancellationToken.None);
        var pid = ServerPid();

        await cluster.DisposeAsync();

        Assert.False(IsAlive(pid));
        Assert.False(Directory.Exists(Options().DataDirectory));
        Assert.False(File.Exists(Options().DataDirectory + ".password"));
    }

    [Fact]
    public async Task Watchdog_OwnerKilled_StopsEphemeralServerAndDeletesCluster()
    {
        using var owner = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        var options = Options(ephemeral: true) with { OwnerProcessId = owner.Id };
        var cluster = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance, CancellationToken.None);
        var pid = ServerPid();

        owner.Kill();

        await WaitUntilAsync(() => !IsAlive(pid) && !Directory.Exists(options.DataDirectory));
        Assert.False(IsAlive(pid));
        GC.KeepAlive(cluster);
    }

    public void Dispose()
    {
        // Leave no server behind even when an assertion failed midway.
        if (File.Exists(PidFile) && IsAlive(ServerPidOrZero()))
        {
            Process.GetProcessById(ServerPidOrZero()).Kill();
        }
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string PidFile => Path.Combine(Options().DataDirectory, "postmaster.pid");

    private int ServerPid() => int.Parse(File.ReadLines(PidFile).First(), CultureInfo.InvariantCulture);

    private int ServerPidOrZero() => File.Exists(PidFile) && int.TryParse(File.ReadLines(PidFile).FirstOrDefault(), out var pid) ? pid : 0;

    private static bool IsAlive(int pid) => pid > 0 && Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z";

    /// <summary>Waits for another process (the server, the watchdog) to do its part; fails after 30 s.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for the other process");
            await Task.Delay(100);
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
