using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace PublicServicesBpm.Benchmarks;

/// <summary>What the figures were measured on: printed first, since absolute rates only mean something with it.</summary>
internal static class MachineFacts
{
    public static async Task PrintAsync(NpgsqlDataSource dataSource)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:0.0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        await using var command = dataSource.CreateCommand("""
            SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'),
                   current_setting('full_page_writes'), current_setting('shared_buffers'), current_setting('max_connections')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"PostgreSQL {reader.GetString(0)} (local throw-away cluster, 127.0.0.1): fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, " +
            $"full_page_writes={reader.GetString(3)}, shared_buffers={reader.GetString(4)}, max_connections={reader.GetString(5)}");
        Console.WriteLine("load average at start: " + LoadAverage());
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
