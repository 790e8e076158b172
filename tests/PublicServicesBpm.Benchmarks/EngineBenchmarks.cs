using System.Diagnostics;
using Npgsql;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// Engine commands through <see cref="WorkflowRuntime"/> on one connection at a time: start an instance that
/// waits in a user task, then complete that task (the instance ends). Round trips are counted with Npgsql's
/// own tracing, write commits with PostgreSQL's transaction ids.
/// </summary>
internal sealed class EngineBenchmarks(NpgsqlDataSource dataSource, int operations)
{
    private const string Bpmn = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="d" targetNamespace="urn:bench">
          <bpmn:process id="bench-review" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="Thẩm định" psb:candidateGroups="specialist" psb:outcomes="approve,reject" psb:dueIn="P2D" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public async Task RunAsync(Report report)
    {
        await DeployAsync();
        var runtime = new WorkflowRuntime(dataSource, new DefinitionCache(), TimeProvider.System, new WeekdayOfficeHoursCalendar());
        await StartManyAsync(runtime, Math.Min(100, operations)); // warm-up: JIT, definition cache, pool

        using var roundTrips = new RoundTripCounter();
        var commitsBefore = await CommitsAsync();
        var watch = Stopwatch.StartNew();
        var started = await StartManyAsync(runtime, operations);
        var startElapsed = watch.Elapsed;
        var (startTrips, startCommits) = (roundTrips.Take(), await CommitsAsync() - commitsBefore);
        report.Add(new Report.Row("engine: start instance (waits in a user task)", operations, startElapsed, (double)startTrips / operations, (double)startCommits / operations));

        var tasks = await OpenTasksAsync(started);
        commitsBefore = await CommitsAsync();
        roundTrips.Take();
        watch.Restart();
        foreach (var (instance, task) in tasks)
        {
            await runtime.ExecuteAsync(instance, new CompleteUserTask(task, "approve"), null, CancellationToken.None);
        }
        var completeElapsed = watch.Elapsed;
        var (completeTrips, completeCommits) = (roundTrips.Take(), await CommitsAsync() - commitsBefore);
        report.Add(new Report.Row("engine: complete user task (instance ends)", tasks.Count, completeElapsed, (double)completeTrips / tasks.Count, (double)completeCommits / tasks.Count));
        report.Note("engine rows: stmts/op = round trips (a batch of statements counts once)");
    }

    private static async Task<List<Guid>> StartManyAsync(WorkflowRuntime runtime, int count)
    {
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add((await runtime.StartAsync("bench-review", null, null, null, CancellationToken.None)).InstanceId);
        }
        return ids;
    }

    private async Task<List<(Guid Instance, string Task)>> OpenTasksAsync(List<Guid> instances)
    {
        await using var command = dataSource.CreateCommand("SELECT instance_id, id FROM bpm.user_tasks WHERE status = 'open' AND instance_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", instances.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var tasks = new List<(Guid, string)>();
        while (await reader.ReadAsync())
        {
            tasks.Add((reader.GetGuid(0), reader.GetString(1)));
        }
        return tasks;
    }

    private async Task DeployAsync()
    {
        var import = BpmnImporter.Import(Bpmn);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO bpm.process_definition_versions (id, key, version, content_hash, bpmn_xml, deployed_at, deployed_by)
            VALUES (@id, 'bench-review', 1, @hash, @xml, now(), 'benchmark')
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("hash", import.Document!.ContentHash);
        command.Parameters.AddWithValue("xml", Bpmn);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The next transaction id to be assigned: every writing transaction takes exactly one, read-only ones none,
    /// so the difference between two readings counts write commits exactly (the reading itself takes none).
    /// </summary>
    private async Task<long> CommitsAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Counts Npgsql command executions (one activity per command or batch = one round trip).</summary>
    private sealed class RoundTripCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private long _count;

        public RoundTripCounter()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = _ => Interlocked.Increment(ref _count),
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public long Take() => Interlocked.Exchange(ref _count, 0);

        public void Dispose() => _listener.Dispose();
    }
}
