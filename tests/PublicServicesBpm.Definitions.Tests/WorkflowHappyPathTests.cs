using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>
/// Every procedure in workflows/ runs from start to a normal end when each officer takes the first decision
/// the task offers, every awaited answer arrives and every service task succeeds ("the happy path"), on the
/// Vietnamese business calendar and a fake clock.
/// </summary>
public sealed class WorkflowHappyPathTests
{
    private const int MaxSteps = 100;

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

    /// <summary>
    /// Runs the definition taking each task's first outcome, delivering every awaited message (the applicant confirms,
    /// the agencies answer) and completing every job as its handler would; returns null on a normal end, else what went wrong.
    /// </summary>
    private static string? RunHappyPath(PublicServicesBpm.Engine.Definitions.ProcessDefinition definition, List<int>? statuses = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(7)));
        var environment = new ExecutionEnvironment(clock, new VietnamBusinessCalendar());
        var variables = new JsonObject { ["dossierId"] = WorkflowRun.DossierId, ["agencyCode"] = "000.21.30.H38", ["channel"] = 2 };
        var result = ProcessInterpreter.Execute(definition, null, new StartInstance(Guid.CreateVersion7().ToString(), 1, variables), environment);
        for (var step = 0; step < MaxSteps; step++)
        {
            statuses?.AddRange(result.Effects.OfType<DossierStatusChanged>().Select(s => s.Code));
            if (result.Effects.OfType<IncidentRaised>().FirstOrDefault() is { } incident)
            {
                return $"incident at {incident.ElementId}: {incident.Message}";
            }
            // A terminate end event ends the instance as terminated: a normal end too (it closes open reminder tasks).
            if (result.State.Status is InstanceStatus.Completed or InstanceStatus.Terminated)
            {
                return null;
            }
            clock.Advance(TimeSpan.FromMinutes(30));
            var waits = result.State.Waits;
            EngineCommand? next = waits.FirstOrDefault(w => w.Kind == WaitKind.Job) is { } job
                ? new CompleteJob(job.Id, JobResult(definition, job.ElementId))
                : waits.FirstOrDefault(w => w.Kind == WaitKind.UserTask) is { } task
                    ? new CompleteUserTask(task.Id, FirstOutcome(definition, task.ElementId))
                    // The applicant does not withdraw on the happy path: every other awaited answer arrives.
                    : waits.FirstOrDefault(w => w.Kind == WaitKind.Message && w.MessageName != "withdrawal-requested") is { } subscription
                        ? new CorrelateMessage(subscription.MessageName!, subscription.CorrelationKey)
                        : null;
            if (next is null)
            {
                return $"stuck in {string.Join(", ", result.State.Tokens.Select(t => t.ElementId))} with nothing to complete";
            }
            result = ProcessInterpreter.Execute(definition, result.State, next, environment);
        }
        return $"no end after {MaxSteps} steps";
    }

    /// <summary>What the handler returns: the receipt gives the dossier code and appointment, the tax authority a tax code.</summary>
    private static JsonObject JobResult(PublicServicesBpm.Engine.Definitions.ProcessDefinition definition, string elementId) =>
        definition.FindNode(elementId) is PublicServicesBpm.Engine.Definitions.ServiceTask { HandlerType: "dossier.receive" }
            ? new JsonObject { ["dossierCode"] = WorkflowRun.DossierCode, ["appointmentAt"] = "2026-11-30T08:00:00+07:00" }
            : new JsonObject { ["taxCode"] = "8000123457" };

    private static string? FirstOutcome(PublicServicesBpm.Engine.Definitions.ProcessDefinition definition, string elementId) =>
        definition.FindNode(elementId) is PublicServicesBpm.Engine.Definitions.UserTask { Outcomes.Count: > 0 } task ? task.Outcomes[0] : null;
}
