using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Audit;

/// <summary>
/// The hash chain of app.audit_log on a fresh database per test: appends are gap-free under concurrency, the
/// application cannot change or remove entries, and whatever a superuser does behind the triggers' back is found by
/// <see cref="AuditChainVerifier"/> at the right sequence.
/// </summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(7));
    private TestPostgres _postgres = null!;
    private string _connectionString = string.Empty;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _postgres.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Verify_EmptyLog_IsIntactWithHeadZero()
    {
        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);

        Assert.True(report.IsIntact, Describe(report));
        Assert.Equal(0, report.EntriesChecked);
        Assert.Equal(0, report.HeadSequence);
        Assert.Equal(new string('0', 64), report.HeadHash);
    }

    [Fact]
    public async Task Append_ConcurrentTransactions_SequencesOneToNWithoutGapsAndChainIntact()
    {
        const int Writers = 8;
        const int EntriesEach = 25;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < EntriesEach; i++)
            {
                await using var db = NewContext();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await AuditLogWriter.AppendAsync(db, Record($"writer-{writer}", "test.appended", details: $$"""{"i":{{i}}}"""), Start.AddSeconds(i), CancellationToken.None);
                await transaction.CommitAsync();
            }
        })));

        var sequences = await SequencesAsync();
        Assert.Equal(Enumerable.Range(1, Writers * EntriesEach).Select(s => (long)s), sequences);
        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        Assert.True(report.IsIntact, Describe(report));
        Assert.Equal(Writers * EntriesEach, report.EntriesChecked);
        Assert.Equal(Writers * EntriesEach, report.HeadSequence);
    }

    [Fact]
    public async Task Append_RolledBackTransaction_LeavesNoEntryAndNoGap()
    {
        await AppendAsync(1);
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var sequence = await AuditLogWriter.AppendAsync(db, Record("officer-r", "test.rolled-back"), Start, CancellationToken.None);
            Assert.Equal(2, sequence);
            await transaction.RollbackAsync();
        }

        await AppendAsync(1);

        Assert.Equal([1L, 2L], await SequencesAsync());
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM app.audit_log WHERE action = 'test.rolled-back'"));
        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        Assert.True(report.IsIntact, Describe(report));
    }

    [Theory]
    [InlineData("UPDATE app.audit_log SET actor_id = 'someone-else' WHERE sequence = 2")]
    [InlineData("DELETE FROM app.audit_log WHERE sequence = 3")]
    [InlineData("TRUNCATE app.audit_log")]
    public async Task AuditLog_ChangedByTheApplicationsConnection_IsRefusedByTheTrigger(string sql)
    {
        await AppendAsync(3);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal([1L, 2L, 3L], await SequencesAsync());
        Assert.True((await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None)).IsIntact);
    }

    [Theory]
    [InlineData("action", "'account.deleted'")]
    [InlineData("actor_id", "'innocent-bystander'")]
    [InlineData("at", "at - interval '1 day'")]
    [InlineData("details", "'{\"note\":\"nothing happened\"}'")]
    [InlineData("dossier_id", "NULL")]
    public async Task Verify_ColumnAlteredBySuperuser_ReportsThatEntryAndColumn(string column, string value)
    {
        await AppendAsync(5);

        await TamperAsync($"UPDATE app.audit_log SET {column} = {value} WHERE sequence = 3");

        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Sequence);
        Assert.Contains($"column '{column}' differs", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(AuditChainProblemKind.ColumnAltered, problem.Kind);
        Assert.Equal([column], problem.Arguments);
    }

    [Fact]
    public async Task Verify_HashOverwrittenBySuperuser_ReportsTheEntryAndTheBrokenLinkAfterIt()
    {
        await AppendAsync(5);

        await TamperAsync("UPDATE app.audit_log SET hash = sha256('forged'::bytea) WHERE sequence = 2");

        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        Assert.Equal([(2L, "altered"), (3L, "previous-hash")], Summarize(report, "altered", "previous-hash"));
    }

    [Fact]
    public async Task Verify_EntryRewrittenConsistently_IsDetectedAtTheNextEntry()
    {
        await AppendAsync(5);
        var (previous, canonical) = await RowAsync(3);
        var (at, record) = AuditCanonical.Parse(canonical);
        var forged = AuditCanonical.Serialize(at, record with { ActorId = "innocent-bystander" });

        // Columns, canonical text and hash all agree for entry 3: only the link from entry 4 gives it away.
        await TamperAsync(
            "UPDATE app.audit_log SET actor_id = 'innocent-bystander', canonical = @canonical, hash = @hash WHERE sequence = 3",
            ("canonical", forged), ("hash", AuditCanonical.Hash(previous, 3, forged)));

        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(4, problem.Sequence);
        Assert.Contains("previous-hash", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MiddleEntryDeleted_ReportsTheMissingSequenceAndTheBrokenLink()
    {
        await AppendAsync(5);

        await TamperAsync("DELETE FROM app.audit_log WHERE sequence = 3");

        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        Assert.False(report.IsIntact);
        Assert.Equal([(3L, "missing"), (4L, "previous-hash")], Summarize(report, "missing", "previous-hash"));
        Assert.Equal([AuditChainProblemKind.Missing, AuditChainProblemKind.Relinked], report.Problems.Select(p => p.Kind));
        Assert.Equal(["3", "3"], report.Problems[0].Arguments);
        Assert.Equal(4, report.EntriesChecked);
    }

    [Fact]
    public async Task Verify_LastEntryDeleted_IsDetectedByTheHead()
    {
        await AppendAsync(5);

        await TamperAsync("DELETE FROM app.audit_log WHERE sequence = 5");

        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(5, problem.Sequence);
        Assert.Contains("head says the last entry is 5 but the log ends at 4", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(AuditChainProblemKind.HeadMismatch, problem.Kind);
        Assert.Equal(["5", "4"], problem.Arguments);
    }

    [Fact]
    public async Task Verify_HeadAltered_IsDetected()
    {
        await AppendAsync(3);

        await TamperAsync("UPDATE app.audit_chain_head SET last_hash = sha256('forged'::bytea) WHERE id = 1");

        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Sequence);
        Assert.Contains("head's hash", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TailDeletedAndHeadRewritten_OnlyAnAnchorKeptOutsideDetectsIt()
    {
        await AppendAsync(5);
        var anchored = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        var anchor = new AuditChainAnchor(anchored.HeadSequence, Convert.FromHexString(anchored.HeadHash));

        // The limit of any self-contained chain: remove the tail and move the head back consistently.
        await TamperAsync("""
            DELETE FROM app.audit_log WHERE sequence >= 4;
            UPDATE app.audit_chain_head SET last_sequence = 3, last_hash = (SELECT hash FROM app.audit_log WHERE sequence = 3) WHERE id = 1;
            """);

        Assert.True((await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None)).IsIntact);
        var report = await AuditChainVerifier.VerifyAsync(_dataSource, [anchor], CancellationToken.None);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(5, problem.Sequence);
        Assert.Contains("anchored entry is missing", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChainRewrittenFromAnEntryToTheHead_IsDetectedByAnAnchor()
    {
        await AppendAsync(4);
        var anchored = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        var anchor = new AuditChainAnchor(anchored.HeadSequence, Convert.FromHexString(anchored.HeadHash));
        var (previous, canonical) = await RowAsync(4);
        var (at, record) = AuditCanonical.Parse(canonical);
        var forged = AuditCanonical.Serialize(at, record with { ActorId = "innocent-bystander" });
        var forgedHash = AuditCanonical.Hash(previous, 4, forged);

        await TamperAsync(
            """
            UPDATE app.audit_log SET actor_id = 'innocent-bystander', canonical = @canonical, hash = @hash WHERE sequence = 4;
            UPDATE app.audit_chain_head SET last_hash = @hash WHERE id = 1;
            """,
            ("canonical", forged), ("hash", forgedHash));

        Assert.True((await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None)).IsIntact);
        var report = await AuditChainVerifier.VerifyAsync(_dataSource, [anchor], CancellationToken.None);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(4, problem.Sequence);
        Assert.Contains("anchored value", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CanonicalTextReplacedByGarbageWithMatchingHash_ReportsAlteredNotCrash()
    {
        await AppendAsync(3);
        var (previous, _) = await RowAsync(2);

        await TamperAsync("UPDATE app.audit_log SET canonical = 'not json', hash = @hash WHERE sequence = 2", ("hash", AuditCanonical.Hash(previous, 2, "not json")));

        var report = await AuditChainVerifier.VerifyAsync(_dataSource, CancellationToken.None);
        Assert.Equal([(2L, "not a valid canonical entry"), (3L, "previous-hash")], Summarize(report, "not a valid canonical entry", "previous-hash"));
    }

    [Theory]
    [InlineData("12:" + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", true)]
    [InlineData("12:00112233", false)]
    [InlineData("0:" + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", false)]
    [InlineData("x:" + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", false)]
    [InlineData("12:" + "zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", false)]
    [InlineData("12", false)]
    public void AnchorTryParse_Text_AcceptsOnlySequenceColonSha256Hex(string text, bool valid)
    {
        Assert.Equal(valid, AuditChainAnchor.TryParse(text, out var anchor));
        if (valid)
        {
            Assert.Equal(12, anchor.Sequence);
            Assert.Equal(32, anchor.Hash.Length);
        }
    }

    private AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options, _dataSource);
        return new AppDbContext(options.Options);
    }

    private static AuditRecord Record(string actorId, string action, string? details = null) => new(
        AuditActorKind.Officer, actorId, "Cán bộ " + actorId, action, "applicant", "applicant-42", Guid.Parse("0190a3c2-5b7e-7c1d-9f00-1234567890ab"),
        "192.0.2.10", "xunit", AuditOutcome.Succeeded, details ?? """{"fields":["họ tên","ngày sinh"]}""");

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var db = NewContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AuditLogWriter.AppendAsync(db, Record($"officer-{i}", "personal-data.read"), Start.AddMinutes(i), CancellationToken.None);
            await transaction.CommitAsync();
        }
    }

    private async Task<List<long>> SequencesAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT sequence FROM app.audit_log ORDER BY sequence");
        await using var reader = await command.ExecuteReaderAsync();
        var sequences = new List<long>();
        while (await reader.ReadAsync())
        {
            sequences.Add(reader.GetInt64(0));
        }
        return sequences;
    }

    private async Task<(byte[] PreviousHash, string Canonical)> RowAsync(long sequence)
    {
        await using var command = _dataSource.CreateCommand("SELECT previous_hash, canonical FROM app.audit_log WHERE sequence = @s");
        command.Parameters.AddWithValue("s", sequence);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return ((byte[])reader[0], reader.GetString(1));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs SQL on the application's own connection: the triggers are in force.</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What a superuser (or the table's owner) can do: switch the triggers off, change the log, switch them on.</summary>
    private async Task TamperAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var disable = new NpgsqlCommand("ALTER TABLE app.audit_log DISABLE TRIGGER USER", connection, transaction))
        {
            await disable.ExecuteNonQueryAsync();
        }
        await using (var tamper = new NpgsqlCommand(sql, connection, transaction))
        {
            foreach (var (name, value) in parameters)
            {
                tamper.Parameters.AddWithValue(name, value);
            }
            await tamper.ExecuteNonQueryAsync();
        }
        await using (var enable = new NpgsqlCommand("ALTER TABLE app.audit_log ENABLE TRIGGER USER", connection, transaction))
        {
            await enable.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Each problem as (sequence, the first of <paramref name="keywords"/> its reason contains).</summary>
    private static List<(long, string)> Summarize(AuditChainReport report, params string[] keywords) =>
        [.. report.Problems.Select(p => (p.Sequence, keywords.FirstOrDefault(k => p.Reason.Contains(k, StringComparison.Ordinal)) ?? p.Reason))];

    private static string Describe(AuditChainReport report) =>
        string.Join(Environment.NewLine, report.Problems.Select(p => $"sequence {p.Sequence}: {p.Reason}"));
}
