using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>
/// Every procedure in workflows/ runs from start to a normal end when each officer takes the first decision
/// the task offers ("the happy path"), on the Vietnamese business calendar and a fake clock.
/// </summary>
public sealed class WorkflowHappyPathTests
{
    private const int MaxTasks = 100;

    [Fact]
    public void Workflows_FirstOutcomeAtEveryTask_ReachAnEndWithoutIncidents()
    {
        var failures = new List<string>();
        foreach (var folder in RepositoryDefinitions.Subdirectories(RepositoryDefinitions.WorkflowsDirectory))
        {
            var key = Path.GetFileName(folder);
            var document = BpmnImporter.Import(File.ReadAllText(Path.Combine(folder, key + ".bpmn"))).Document;
            if (document?.FindProcess(key) is not { } definition)
            {
                failures.Add($"{key}: does not import");
                continue;
            }
            var outcome = RunHappyPath(definition);
            if (outcome is not null)
            {
                failures.Add($"{key}: {outcome}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void CapBanSaoTrichLuc_HappyPath_WalksTheDossierStatusesOfTheLifeCycle()
    {
        var folder = Path.Combine(RepositoryDefinitions.WorkflowsDirectory, "cap-ban-sao-trich-luc-ho-tich");
        var definition = BpmnImporter.Import(File.ReadAllText(Path.Combine(folder, "cap-ban-sao-trich-luc-ho-tich.bpmn"))).Document!.FindProcess("cap-ban-sao-trich-luc-ho-tich")!;
        var statuses = new List<int>();

        Assert.Null(RunHappyPath(definition, statuses));

        // Submitted → received → in processing → result ready → returned (lifecycle.md).
        Assert.Equal([1, 2, 4, 9, 10], statuses);
    }

    /// <summary>Runs the definition taking each task's first outcome; returns null on a normal end, else what went wrong.</summary>
    private static string? RunHappyPath(PublicServicesBpm.Engine.Definitions.ProcessDefinition definition, List<int>? statuses = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(7)));
        var environment = new ExecutionEnvironment(clock, new VietnamBusinessCalendar());
        var result = ProcessInterpreter.Execute(definition, null, new StartInstance(Guid.CreateVersion7().ToString(), 1), environment);
        var openTasks = new List<UserTaskCreated>();
        for (var step = 0; step < MaxTasks; step++)
        {
            statuses?.AddRange(result.Effects.OfType<DossierStatusChanged>().Select(s => s.Code));
            if (result.Effects.OfType<IncidentRaised>().FirstOrDefault() is { } incident)
            {
                return $"incident at {incident.ElementId}: {incident.Message}";
            }
            if (result.State.Status == InstanceStatus.Completed)
            {
                return null;
            }
            openTasks.RemoveAll(t => result.Effects.OfType<TaskCompleted>().Any(c => c.TaskId == t.TaskId));
            openTasks.AddRange(result.Effects.OfType<UserTaskCreated>());
            if (openTasks.Count == 0)
            {
                return $"stuck in {string.Join(", ", result.State.Tokens.Select(t => t.ElementId))} with no user task to complete";
            }
            var task = openTasks[0];
            openTasks.RemoveAt(0);
            clock.Advance(TimeSpan.FromMinutes(30));
            result = ProcessInterpreter.Execute(definition, result.State, new CompleteUserTask(task.TaskId, task.Outcomes.Count > 0 ? task.Outcomes[0] : null), environment);
        }
        return $"no end after {MaxTasks} tasks";
    }
}
