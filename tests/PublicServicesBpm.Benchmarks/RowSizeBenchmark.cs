using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// (d) One instance runs a user-task loop (task → exclusive gateway → back while count &lt;= N) N times; the size
/// of its bpm.process_instances row is printed after 1, 10, 100, ... N iterations (still waiting in the task),
/// then once more after the completion that leaves the loop. The live state should not grow: history goes to
/// bpm.history_events.
/// </summary>
internal sealed class RowSizeBenchmark(Probe probe, BenchmarkOptions options)
{
    public async Task RunAsync()
    {
        var dataSource = probe.DataSource;
        var iterations = options.LoopIterations;
        await BenchProcesses.DeployAsync(dataSource, BenchProcesses.Loop, BenchProcesses.LoopXml(iterations + 1));
        var runtime = new WorkflowRuntime(dataSource, new DefinitionCache(), TimeProvider.System, new WeekdayOfficeHoursCalendar());
        var outcome = await runtime.StartAsync(BenchProcesses.Loop, new JsonObject { ["count"] = 0 }, null, null, CancellationToken.None);
        var id = outcome.InstanceId;
        probe.Report.Detail($"(d) row size of one instance in a {iterations:N0}-iteration loop (user task + exclusive gateway):");
        probe.Report.Detail($"    {"iterations",10} {"state bytes",12} {"state text",11} {"row bytes",10} {"history rows",13} {"status",10}");
        await PrintSizeAsync(id, 0);
        var watch = Stopwatch.StartNew();
        for (var i = 1; i <= iterations; i++)
        {
            var task = outcome.Effects.OfType<UserTaskCreated>().Single().TaskId;
            outcome = await runtime.ExecuteAsync(id, new CompleteUserTask(task, null, new JsonObject { ["count"] = i }), null, CancellationToken.None);
            if (IsCheckpoint(i) || i == iterations)
            {
                await PrintSizeAsync(id, i);
            }
        }
        // One more completion leaves the loop and ends the instance.
        var last = outcome.Effects.OfType<UserTaskCreated>().Single().TaskId;
        outcome = await runtime.ExecuteAsync(id, new CompleteUserTask(last, null, new JsonObject { ["count"] = iterations + 1 }), null, CancellationToken.None);
        await PrintSizeAsync(id, iterations + 1);
        probe.Report.Detail(string.Create(CultureInfo.InvariantCulture,
            $"    {iterations + 1:N0} completions took {watch.Elapsed.TotalSeconds:0.0} s (incl. size readings); final status {outcome.Status}"));
    }

    private static bool IsCheckpoint(int iteration)
    {
        while (iteration % 10 == 0)
        {
            iteration /= 10;
        }
        return iteration == 1;
    }

    private async Task PrintSizeAsync(Guid id, int iteration)
    {
        await using var command = probe.DataSource.CreateCommand("""
            SELECT pg_column_size(i.state), octet_length(i.state::text), pg_column_size(i.*), i.status,
                   (SELECT count(*) FROM bpm.history_events h WHERE h.instance_id = i.id)
            FROM bpm.process_instances i WHERE i.id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        probe.Report.Detail(string.Create(CultureInfo.InvariantCulture,
            $"    {iteration,10:N0} {reader.GetInt32(0),12} {reader.GetInt32(1),11} {reader.GetInt32(2),10} {reader.GetInt64(4),13} {reader.GetString(3),10}"));
    }
}
