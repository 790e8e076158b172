using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PublicServicesBpm.Host.Commands;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Audit;

/// <summary><c>audit verify</c> as an operator runs it: the built host binary against a real database.</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private TestPostgres _postgres = null!;
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => _postgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task AuditVerify_IntactLog_PrintsHeadAndExitsZero()
    {
        await AppendAsync(3);

        var (exitCode, output) = await RunHostAsync("audit", "verify", $"--ConnectionStrings:Default={_connectionString}");

        Assert.Equal(0, exitCode);
        var head = await HeadAsync();
        Assert.Contains($"Audit log intact: 3 entries, head 3 {head}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_EntryAltered_PrintsTheSequenceAndExitsOne()
    {
        await AppendAsync(4);
        await TamperAsync("UPDATE app.audit_log SET actor_id = 'innocent-bystander' WHERE sequence = 2");

        var (exitCode, output) = await RunHostAsync("audit", "verify", $"--ConnectionStrings:Default={_connectionString}");

        Assert.Equal(1, exitCode);
        Assert.Contains("sequence 2: column 'actor_id' differs", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_AnchorOfARewrittenTail_ExitsOne()
    {
        await AppendAsync(3);
        var anchor = $"3:{await HeadAsync()}";
        await TamperAsync("""
            DELETE FROM app.audit_log WHERE sequence = 3;
            UPDATE app.audit_chain_head SET last_sequence = 2, last_hash = (SELECT hash FROM app.audit_log WHERE sequence = 2) WHERE id = 1;
            """);
        await using var services = Services(_connectionString);
        using var output = new StringWriter();

        var exitCode = await AuditCommand.RunAsync(services, ["verify", anchor], output, CancellationToken.None);

        Assert.Equal(AuditCommand.Tampered, exitCode);
        Assert.Contains("sequence 3: the anchored entry is missing", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "missing sub-command")]
    [InlineData("frobnicate", "unknown sub-command 'frobnicate'")]
    [InlineData("verify not-an-anchor", "'not-an-anchor' is not an anchor")]
    public async Task Audit_UsageError_PrintsUsageAndExits64(string words, string expected)
    {
        await using var services = Services(_connectionString);
        using var output = new StringWriter();

        var exitCode = await AuditCommand.RunAsync(services, words.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, CancellationToken.None);

        Assert.Equal(64, exitCode);
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: audit verify", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_DatabaseUnreachable_ExplainsAndExitsTwo()
    {
        // Port 1 on the loopback: nothing listens, so the connection is refused at once.
        await using var services = Services("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=5");
        using var output = new StringWriter();

        var exitCode = await AuditCommand.RunAsync(services, ["verify"], output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Cannot read the audit log:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_NoWordsThroughTheHost_ExitsWithUsageError()
    {
        var (exitCode, output) = await RunHostAsync("audit", $"--ConnectionStrings:Default={_connectionString}");

        Assert.Equal(64, exitCode);
        Assert.Contains("Usage: audit verify", output, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddNpgsqlDataSource(connectionString);
        return services.BuildServiceProvider();
    }

    private async Task AppendAsync(int count)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options, dataSource);
        for (var i = 0; i < count; i++)
        {
            await using var db = new AppDbContext(options.Options);
            await AuditLogWriter.AppendAsync(db, new AuditRecord(AuditActorKind.Officer, $"officer-{i}", "Cán bộ", "personal-data.read", "applicant", "42"), DateTimeOffset.UtcNow, CancellationToken.None);
        }
    }

    private async Task<string> HeadAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT last_hash FROM app.audit_chain_head WHERE id = 1", connection);
        return Convert.ToHexStringLower((byte[])(await command.ExecuteScalarAsync())!);
    }

    private async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER TABLE app.audit_log DISABLE TRIGGER USER; {sql.TrimEnd().TrimEnd(';')}; ALTER TABLE app.audit_log ENABLE TRIGGER USER", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<(int ExitCode, string Output)> RunHostAsync(params string[] arguments) => HostCommand.RunAsync(arguments);
}
