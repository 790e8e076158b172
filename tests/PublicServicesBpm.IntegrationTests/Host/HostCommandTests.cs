using System.Diagnostics;
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
            await using var drop = new NpgsqlCommand("DROP SCHEMA app CASCADE; DROP SCHEMA bpm CASCADE; DROP SCHEMA hangfire CASCADE", connection);
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

    private static async Task<(int ExitCode, string Output)> RunHostAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PublicServicesBpm.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
