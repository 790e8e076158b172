using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// (a) start → first user task and (b) complete task → next user task, then complete → instance ends, through
/// <see cref="WorkflowRuntime"/> as the host uses it, each right after its raw baseline with the same clients.
/// The process has two user tasks, so (b) lands on the second one.
/// </summary>
internal sealed class EngineBenchmarks(Probe probe, BenchmarkOptions options)
{
    private readonly WorkflowRuntime _runtime = new(probe.DataSource, new DefinitionCache(), TimeProvider.System, new WeekdayOfficeHoursCalendar());
    private readonly BaselineWrites _baseline = new(probe.DataSource);

    public async Task RunAsync()
    {
        await BenchProcesses.DeployAsync(probe.DataSource, BenchProcesses.TwoTasks, BenchProcesses.TwoTasksXml);
        var templates = await TemplatesAsync();
        await RoundAsync(probe.ForWarmUp(), templates, options.Clients.Max(), Math.Min(200, options.Operations));
        foreach (var clients in options.Clients)
        {
            await RoundAsync(probe, templates, clients, options.Operations);
        }
    }

    private async Task RoundAsync(Probe measure, Templates templates, int clients, int operations)
    {
        var raw = new Guid[operations];
        var engine = new (Guid Instance, string Task)[operations];

        var baseline = await measure.MeasureAsync("raw (a): insert instance, task, history", clients, operations, async i =>
        {
            raw[i] = Guid.CreateVersion7();
            await _baseline.StartAsync(raw[i], $"{raw[i]}-1", templates.Start);
            return true;
        });
        await measure.MeasureAsync("engine (a): start -> first user task", clients, operations, async i =>
        {
            var outcome = await _runtime.StartAsync(BenchProcesses.TwoTasks, null, null, null, CancellationToken.None);
            engine[i] = (outcome.InstanceId, OpenedTask(outcome));
            return true;
        }, baseline);

        baseline = await measure.MeasureAsync("raw (b): update instance, task; insert task, hist.", clients, operations, async i =>
        {
            await _baseline.CompleteAsync(raw[i], 1, $"{raw[i]}-1", $"{raw[i]}-2", templates.Next);
            return true;
        });
        await measure.MeasureAsync("engine (b): complete task -> next user task", clients, operations, async i =>
        {
            var outcome = await _runtime.ExecuteAsync(engine[i].Instance, new CompleteUserTask(engine[i].Task, "approve"), null, CancellationToken.None);
            engine[i] = (engine[i].Instance, OpenedTask(outcome));
            return true;
        }, baseline);

        baseline = await measure.MeasureAsync("raw: update instance, task; insert history", clients, operations, async i =>
        {
            await _baseline.CompleteAsync(raw[i], 2, $"{raw[i]}-2", null, templates.End);
            return true;
        });
        await measure.MeasureAsync("engine: complete task -> instance ends", clients, operations, async i =>
        {
            await _runtime.ExecuteAsync(engine[i].Instance, new CompleteUserTask(engine[i].Task, "approve"), null, CancellationToken.None);
            return true;
        }, baseline);
    }

    /// <summary>Runs one instance through the process and copies what each command wrote, for the baseline.</summary>
    private async Task<Templates> TemplatesAsync()
    {
        var dataSource = probe.DataSource;
        var started = await _runtime.StartAsync(BenchProcesses.TwoTasks, null, null, null, CancellationToken.None);
        var id = started.InstanceId;
        var start = await WriteTemplate.ReadAsync(dataSource, id, 0);
        var last = await WriteTemplate.LastHistoryIdAsync(dataSource, id);
        var next = await _runtime.ExecuteAsync(id, new CompleteUserTask(OpenedTask(started), "approve"), null, CancellationToken.None);
        var completed = await WriteTemplate.ReadAsync(dataSource, id, last);
        last = await WriteTemplate.LastHistoryIdAsync(dataSource, id);
        await _runtime.ExecuteAsync(id, new CompleteUserTask(OpenedTask(next), "approve"), null, CancellationToken.None);
        return new Templates(start, completed, await WriteTemplate.ReadAsync(dataSource, id, last));
    }

    private static string OpenedTask(CommandOutcome outcome) => outcome.Effects.OfType<UserTaskCreated>().Single().TaskId;

    private sealed record Templates(WriteTemplate Start, WriteTemplate Next, WriteTemplate End);
}
