using System.Text.Json;
using Npgsql;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Calendar;

/// <summary><c>calendar … --agency &lt;code&gt;</c>: the agency's administered calendar, read from the database by the host binary.</summary>
public sealed class CalendarCommandTests : IAsyncLifetime
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
    public async Task CalendarWithAgency_SubstituteDayAndSaturdayHours_AreUsed()
    {
        // The first run migrates the empty database and refuses the agency it does not know.
        var (unknownExit, unknownOutput) = await RunAsync("calendar", "holidays", "2026", "--agency", "000.00.51.H38");
        Assert.Equal(1, unknownExit);
        Assert.Contains("no agency has the code '000.00.51.H38'", unknownOutput, StringComparison.Ordinal);
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO app.agencies (code, name, province_code, created_at, saturday_hours) VALUES ('000.00.51.H38', 'Trung tâm Phục vụ hành chính công tỉnh', '10', now(), ARRAY['07:30-11:30']);
                INSERT INTO app.calendar_adjustments (id, agency_code, date, kind, name_vi, name_en, recorded_at, recorded_by)
                VALUES (gen_random_uuid(), NULL, '2026-04-27', 'day-off', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Substitute day for Hung Kings day', now(), 'test');
                """, connection);
            await insert.ExecuteNonQueryAsync();
        }

        var (holidaysExit, holidays) = await RunAsync("calendar", "holidays", "2026", "--agency", "000.00.51.H38");
        // Friday 24 Apr 2026 16:00 + 4 working hours: 1 h on Friday, Saturday morning (4 h) at this centre → Saturday 10:30.
        var (addExit, added) = await RunAsync("calendar", "add", "2026-04-24T16:00:00+07:00", "PT4H", "--agency", "000.00.51.H38");

        Assert.Equal(0, holidaysExit);
        using var days = JsonDocument.Parse(holidays);
        Assert.Contains(days.RootElement.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-04-27" && d.GetProperty("kind").GetString() == "day-off");
        Assert.Equal(0, addExit);
        Assert.Equal("2026-04-25T10:30:00+07:00", added.Trim());
    }

    [Fact]
    public async Task CalendarWithAgencyButNoCode_ExplainsAndExitsWithUsageError()
    {
        var (exitCode, output) = await HostCommand.RunAsync("calendar", "holidays", "2026", "--agency");

        Assert.Equal(64, exitCode);
        Assert.Contains("--agency needs an agency code", output, StringComparison.Ordinal);
    }

    /// <summary>Runs against the test database; the result is standard output alone (the logs go to standard error).</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var (exitCode, output, _) = await HostCommand.RunSeparatelyAsync([.. arguments, $"--ConnectionStrings:Default={_connectionString}"]);
        return (exitCode, output);
    }
}
