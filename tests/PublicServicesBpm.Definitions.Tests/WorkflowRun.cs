using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>
/// One instance of a shipped workflow run in memory on a fake clock and the Vietnamese business calendar, as the
/// host would run it: it keeps what is open (tasks, timers, subscriptions, jobs) from the effects, and the dossier
/// statuses the instance went through. Steps are named by BPMN element id, so tests read like the diagram.
/// </summary>
internal sealed class WorkflowRun
{
    /// <summary>The zone of every instant in these tests (Vietnam, UTC+7).</summary>
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>The dossier id the dossier API starts every instance with (the applicant's correlation key).</summary>
    public const string DossierId = "0196a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b";

    /// <summary>The code the <c>dossier.receive</c> handler gives the dossier at receipt.</summary>
    public const string DossierCode = "000.21.30.H38-260101-0001";

    private readonly ProcessDefinition _definition;
    private readonly ExecutionEnvironment _environment;
    private readonly Dictionary<string, UserTaskCreated> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimerScheduled> _timers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubscriptionOpened> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobScheduled> _jobs = new(StringComparer.Ordinal);

    private WorkflowRun(ProcessDefinition definition, DateTimeOffset start, IBusinessCalendar calendar)
    {
        _definition = definition;
        Clock = new FakeTimeProvider(start);
        _environment = new ExecutionEnvironment(Clock, calendar);
    }

    public FakeTimeProvider Clock { get; }

    public ExecutionResult Last { get; private set; } = null!;

    /// <summary>Every dossier status set so far, in order.</summary>
    public List<int> Statuses { get; } = [];

    public IEnumerable<UserTaskCreated> OpenTasks => _tasks.Values;

    public IEnumerable<TimerScheduled> OpenTimers => _timers.Values;

    public IEnumerable<SubscriptionOpened> OpenSubscriptions => _subscriptions.Values;

    public IEnumerable<JobScheduled> OpenJobs => _jobs.Values;

    /// <summary>The instance has ended normally: completed, or terminated by a terminate end event.</summary>
    public bool HasEnded => Last.State.Status is InstanceStatus.Completed or InstanceStatus.Terminated;

    public static ProcessDefinition Load(string key) =>
        BpmnImporter.Import(File.ReadAllText(Path.Combine(RepositoryDefinitions.WorkflowsDirectory, key, key + ".bpmn"))).Document?.FindProcess(key)
        ?? throw new InvalidOperationException($"workflows/{key} does not import");

    /// <summary>
    /// Starts <paramref name="key"/> at <paramref name="start"/> (Vietnam time) with the variables the dossier API
    /// gives: an online dossier (channel 2) waiting to be received, unless <paramref name="variables"/> say otherwise.
    /// </summary>
    public static WorkflowRun Start(string key, DateTimeOffset start, JsonObject? variables = null, IBusinessCalendar? calendar = null)
    {
        var run = new WorkflowRun(Load(key), start, calendar ?? new VietnamBusinessCalendar());
        variables ??= [];
        variables["dossierId"] ??= DossierId;
        variables["agencyCode"] ??= "000.21.30.H38";
        variables["channel"] ??= 2;
        variables["receivedAtCounter"] ??= false;
        run.Execute(new StartInstance(Guid.CreateVersion7().ToString(), 1, variables));
        return run;
    }

    /// <summary>
    /// Starts a walk-in dossier that the officer creates and receives in one step (channel 1, <c>receivedAtCounter</c>)
    /// and completes its receipt job, as the host's <c>dossier.receive</c> handler would.
    /// </summary>
    public static WorkflowRun StartAtCounter(string key, DateTimeOffset start) =>
        Start(key, start, new JsonObject { ["channel"] = 1, ["receivedAtCounter"] = true, ["receivedBy"] = "mot-cua-01" }).Register();

    /// <summary>The one-stop officer accepts the dossier at <paramref name="at"/>; the receipt job gives it its code.</summary>
    public WorkflowRun Accept(DateTimeOffset at) => Complete("receive", "accept", at).Register();

    /// <summary>Completes the <c>dossier.receive</c> job of <c>register-receipt</c> with the code and appointment.</summary>
    public WorkflowRun Register()
    {
        Assert.Equal("dossier.receive", _jobs.Values.Single(j => j.ElementId == "register-receipt").HandlerType);
        return CompleteJob("register-receipt", new JsonObject
        {
            ["dossierCode"] = DossierCode,
            ["appointmentAt"] = Clock.GetUtcNow().AddDays(3).ToString("O"),
        });
    }

    public UserTaskCreated Task(string elementId) =>
        _tasks.Values.SingleOrDefault(t => t.ElementId == elementId)
        ?? throw new InvalidOperationException($"No open task '{elementId}'; open: {string.Join(", ", _tasks.Values.Select(t => t.ElementId))}; tokens at {string.Join(", ", Last.State.Tokens.Select(t => t.ElementId))}");

    public bool HasTask(string elementId) => _tasks.Values.Any(t => t.ElementId == elementId);

    public TimerScheduled Timer(string elementId) =>
        _timers.Values.SingleOrDefault(t => t.ElementId == elementId) ?? throw new InvalidOperationException($"No open timer '{elementId}'");

    /// <summary>Moves the clock to <paramref name="at"/> and completes the open task <paramref name="elementId"/>.</summary>
    public WorkflowRun Complete(string elementId, string? outcome, DateTimeOffset at, JsonObject? variables = null)
    {
        Clock.SetUtcNow(at);
        return Execute(new CompleteUserTask(Task(elementId).TaskId, outcome, variables));
    }

    public WorkflowRun Correlate(string messageName, DateTimeOffset at, JsonObject? variables = null)
    {
        Clock.SetUtcNow(at);
        var subscription = _subscriptions.Values.Single(s => s.MessageName == messageName);
        return Execute(new CorrelateMessage(messageName, subscription.CorrelationKey, variables));
    }

    /// <summary>Moves the clock to the timer's due time and fires it.</summary>
    public WorkflowRun FireTimer(string elementId)
    {
        var timer = Timer(elementId);
        Clock.SetUtcNow(timer.DueAt);
        return Execute(new FireTimer(timer.TimerId));
    }

    /// <summary>Reports the job of service task <paramref name="elementId"/> as done, with the handler's variables.</summary>
    public WorkflowRun CompleteJob(string elementId, JsonObject? variables) =>
        Execute(new CompleteJob(_jobs.Values.Single(j => j.ElementId == elementId).JobId, variables));

    /// <summary>Reports a business error of the handler of <paramref name="elementId"/> (a BPMN error code).</summary>
    public WorkflowRun FailJob(string elementId, string message, string bpmnErrorCode) =>
        Execute(new FailJob(_jobs.Values.Single(j => j.ElementId == elementId).JobId, message, bpmnErrorCode));

    private WorkflowRun Execute(EngineCommand command)
    {
        Last = ProcessInterpreter.Execute(_definition, Last?.State, command, _environment);
        foreach (var effect in Last.Effects)
        {
            switch (effect)
            {
                case UserTaskCreated created: _tasks[created.TaskId] = created; break;
                case TaskCompleted completed: _tasks.Remove(completed.TaskId); break;
                case UserTaskCancelled cancelled: _tasks.Remove(cancelled.TaskId); break;
                case TimerScheduled scheduled: _timers[scheduled.TimerId] = scheduled; break;
                case TimerCancelled cancelled: _timers.Remove(cancelled.TimerId); break;
                case SubscriptionOpened opened: _subscriptions[opened.SubscriptionId] = opened; break;
                case SubscriptionClosed closed: _subscriptions.Remove(closed.SubscriptionId); break;
                case JobScheduled job: _jobs[job.JobId] = job; break;
                case JobCancelled cancelled: _jobs.Remove(cancelled.JobId); break;
                case DossierStatusChanged status: Statuses.Add(status.Code); break;
                case IncidentRaised incident: throw new InvalidOperationException($"Incident at {incident.ElementId}: {incident.Message}");
                default: break;
            }
        }
        ForgetFinishedWaits();
        return this;
    }

    // A fired timer, a correlated message or a finished job leaves no "closed" effect: what is no longer in the
    // state's waits is gone. The state is the truth; the effects only tell the ids.
    private void ForgetFinishedWaits()
    {
        var live = Last.State.Waits.Select(WaitId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _timers.Keys.Where(id => !live.Contains(id)).ToList())
        {
            _timers.Remove(id);
        }
        foreach (var id in _subscriptions.Keys.Where(id => !live.Contains(id)).ToList())
        {
            _subscriptions.Remove(id);
        }
        foreach (var id in _jobs.Keys.Where(id => !live.Contains(id)).ToList())
        {
            _jobs.Remove(id);
        }
        foreach (var id in _tasks.Keys.Where(id => !live.Contains(id)).ToList())
        {
            _tasks.Remove(id);
        }
    }

    private static string WaitId(WaitState wait) => wait.Id;
}
