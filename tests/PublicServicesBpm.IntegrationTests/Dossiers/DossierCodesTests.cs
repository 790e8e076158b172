using Npgsql;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>Dossier codes on real PostgreSQL: the day's sequence per agency, unique under concurrent receipt.</summary>
public sealed class DossierCodesTests : IAsyncLifetime
{
    private const string Agency = "000.00.06.H56";
    private TestPostgres _postgres = null!;
    private string _connectionString = string.Empty;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var insert = _dataSource.CreateCommand($"""
            INSERT INTO app.agencies (code, name, province_code, created_at) VALUES ('{Agency}', 'Trung tâm Phục vụ hành chính công', '56', now()),
              ('000.00.07.H56', 'Sở Tư pháp', '56', now())
            """);
        await insert.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _postgres.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task NextAsync_SameAgencyAndDay_CountsUpAndRestartsNextDayAndPerAgency()
    {
        // 23:59 on 27 Oct in Vietnam is still 27 Oct; 00:01 on 28 Oct (17:01 UTC on the 27th) is the next day.
        var first = await NextAsync(Agency, new DateTimeOffset(2023, 10, 27, 9, 0, 0, TimeSpan.FromHours(7)));
        var second = await NextAsync(Agency, new DateTimeOffset(2023, 10, 27, 23, 59, 0, TimeSpan.FromHours(7)));
        var nextDay = await NextAsync(Agency, new DateTimeOffset(2023, 10, 27, 17, 1, 0, TimeSpan.Zero));
        var otherAgency = await NextAsync("000.00.07.H56", new DateTimeOffset(2023, 10, 27, 9, 0, 0, TimeSpan.FromHours(7)));

        Assert.Equal("000.00.06.H56-231027-0001", first);
        Assert.Equal("000.00.06.H56-231027-0002", second);
        Assert.Equal("000.00.06.H56-231028-0001", nextDay);
        Assert.Equal("000.00.07.H56-231027-0001", otherAgency);
    }

    [Fact]
    public async Task NextAsync_EightReceiptsAtOnceRepeatedly_EveryCodeDistinctAndConsecutive()
    {
        var day = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(7));

        var codes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var mine = new List<string>();
            for (var i = 0; i < 25; i++)
            {
                mine.Add(await NextAsync(Agency, day));
            }
            return mine;
        }));

        var all = codes.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 200).Select(n => $"{Agency}-261127-{n:0000}"), all.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NextAsync_ReceiptRolledBack_LeavesAGapNeverADuplicate()
    {
        var day = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7));
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.EndsWith("-0001", await DossierCodes.NextAsync(connection, transaction, Agency, day, CancellationToken.None), StringComparison.Ordinal);
            await transaction.RollbackAsync();
        }

        Assert.EndsWith("-0001", await NextAsync(Agency, day), StringComparison.Ordinal);
        Assert.EndsWith("-0002", await NextAsync(Agency, day), StringComparison.Ordinal);
    }

    [Fact]
    public void NewLookupSecret_EightUnambiguousCharacters_RarelyTheSame()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => DossierCodes.NewLookupSecret()).ToList();

        Assert.All(secrets, s => Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", s));
        Assert.Equal(1000, secrets.Distinct().Count());
    }

    private async Task<string> NextAsync(string agency, DateTimeOffset receivedAt)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var code = await DossierCodes.NextAsync(connection, transaction, agency, receivedAt, CancellationToken.None);
        await transaction.CommitAsync();
        return code;
    }
}
