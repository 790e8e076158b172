using Npgsql;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Host;

/// <summary>Runs the built host binary as an operator would: <c>PublicServicesBpm.Host migrate</c>.</summary>
public sealed class HostCommandTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesMigrationsAndExitsZero()
    {
        var postgres = await TestPostgres.InstanceAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP SCHEMA app CASCADE; DROP SCHEMA bpm CASCADE; DROP SCHEMA hangfire CASCADE; DROP SCHEMA idp CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            var (exitCode, output) = await RunHostAsync("migrate", $"--ConnectionStrings:Default={connectionString}");

            Assert.Equal(0, exitCode);
            Assert.Contains("Applied ", output, StringComparison.Ordinal);
            Assert.Contains("_InitialSchema", output, StringComparison.Ordinal);
            var (again, secondOutput) = await RunHostAsync("migrate", $"--ConnectionStrings:Default={connectionString}");
            Assert.Equal(0, again);
            Assert.Contains("Database schema is up to date.", secondOutput, StringComparison.Ordinal);
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsageError()
    {
        var postgres = await TestPostgres.InstanceAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        try
        {
            var (exitCode, output) = await RunHostAsync("frobnicate", $"--ConnectionStrings:Default={connectionString}");

            Assert.Equal(64, exitCode);
            Assert.Contains("Unknown command 'frobnicate'", output, StringComparison.Ordinal);
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task BpmnValidate_GoodBadAndMissingFiles_ReportsEachAndExitsOne()
    {
        var folder = Directory.CreateTempSubdirectory("psb-validate").FullName;
        try
        {
            var good = Path.Combine(folder, "good.bpmn");
            await File.WriteAllTextAsync(good, """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:t">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
            var entityBomb = Path.Combine(folder, "bomb.bpmn");
            await File.WriteAllTextAsync(entityBomb, """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>""");

            var (exitCode, output) = await RunHostAsync("bpmn", "validate", good, entityBomb, Path.Combine(folder, "missing.bpmn"));

            Assert.Equal(1, exitCode);
            Assert.Contains($"{good}: OK", output, StringComparison.Ordinal);
            Assert.Contains($"{entityBomb}: 1 error(s)", output, StringComparison.Ordinal);
            Assert.Contains("missing.bpmn: cannot read", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task FeelEval_ExpressionWithContext_PrintsTheResultAsJson()
    {
        var (exitCode, output) = await RunHostAsync("feel", "eval", "{tong: sum(phi) + x, ok: x > 0}", "--context", """{"phi": [100000, 8000], "x": 0.5}""");

        Assert.Equal(0, exitCode);
        Assert.Equal("""{"tong":108000.5,"ok":true}""", output.Trim());
    }

    [Theory]
    [InlineData("1 +", "position")]
    [InlineData("x", "invalid --context")]
    public async Task FeelEval_BadInput_PrintsAnErrorAndExitsOne(string expression, string expected)
    {
        var (exitCode, output) = expected == "position"
            ? await RunHostAsync("feel", "eval", expression)
            : await RunHostAsync("feel", "eval", expression, "--context", "[1,2");

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarAdd_ThreeWorkingDaysBeforeTet_SkipsTheTetHolidays()
    {
        // Friday 13 Feb 2026; Tết holidays run Monday 16 to Friday 20 February.
        var (exitCode, output) = await RunHostAsync("calendar", "add", "2026-02-13T09:00:00+07:00", "P3D");

        Assert.Equal(0, exitCode);
        Assert.Equal("2026-02-25T09:00:00+07:00", output.Trim());
    }

    [Fact]
    public async Task CalendarHolidays_2026_ListsTetAndHungKingsDayAsJson()
    {
        var (exitCode, output) = await RunHostAsync("calendar", "holidays", "2026");

        Assert.Equal(0, exitCode);
        using var holidays = System.Text.Json.JsonDocument.Parse(output);
        var dates = holidays.RootElement.EnumerateArray().Select(h => h.GetProperty("date").GetString()).ToList();
        Assert.Contains("2026-02-17", dates);
        Assert.Contains("2026-04-26", dates);
        Assert.Contains("2026-09-02", dates);
    }

    [Theory]
    [InlineData("holidays", "1800")]
    [InlineData("add", "tomorrow")]
    public async Task Calendar_BadInput_ExplainsAndExitsNonZero(string verb, string argument)
    {
        var (exitCode, output) = verb == "add" ? await RunHostAsync("calendar", verb, argument, "P1D") : await RunHostAsync("calendar", verb, argument);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> RunHostAsync(params string[] arguments) => HostCommand.RunAsync(arguments);
}
