using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

/// <summary>
/// Drives one instance through the interpreter the way the host would: keeps the state between commands and
/// the effects of the last one, on a fake clock that starts Monday 30 November 2026, 08:00 in Hanoi.
/// </summary>
internal sealed class InstanceDriver(ProcessDefinition definition, int stepLimit = ExecutionEnvironment.DefaultStepLimit)
{
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7));

    public FakeTimeProvider Clock { get; } = new(MondayMorning);

    public ProcessDefinition Definition { get; } = definition;

    public ProcessInstanceState? State { get; private set; }

    public IReadOnlyList<EngineEffect> Effects { get; private set; } = [];

    public ExecutionEnvironment Environment => new(Clock, new WeekdayOfficeHoursCalendar(), stepLimit);

    public static InstanceDriver Started(ProcessDefinition definition, object? variables = null)
    {
        var driver = new InstanceDriver(definition);
        driver.Start(variables);
        return driver;
    }

    public IReadOnlyList<EngineEffect> Start(object? variables = null) => Send(new StartInstance("i1", 1, Json(variables)));

    public IReadOnlyList<EngineEffect> Send(EngineCommand command)
    {
        var result = ProcessInterpreter.Execute(Definition, State, command, Environment);
        State = result.State;
        Effects = result.Effects;
        return Effects;
    }

    public IReadOnlyList<EngineEffect> CompleteTask(string elementId, string? outcome = null, object? variables = null) =>
        Send(new CompleteUserTask(TaskId(elementId), outcome, Json(variables)));

    public IReadOnlyList<EngineEffect> CompleteJob(string elementId, object? variables = null) =>
        Send(new CompleteJob(WaitId(WaitKind.Job, elementId), Json(variables)));

    public IReadOnlyList<EngineEffect> FireTimer(string elementId) => Send(new FireTimer(WaitId(WaitKind.Timer, elementId)));

    public string TaskId(string elementId) => WaitId(WaitKind.UserTask, elementId);

    public string WaitId(WaitKind kind, string elementId) =>
        Waits(kind).First(w => w.ElementId == elementId).Id;

    public List<WaitState> Waits(WaitKind kind) => [.. State!.Waits.Where(w => w.Kind == kind)];

    /// <summary>The elements of the open user tasks, in creation order.</summary>
    public List<string> OpenTasks() => [.. Waits(WaitKind.UserTask).Select(w => w.ElementId)];

    public List<string> TokenPositions() => [.. State!.Tokens.Select(t => t.ElementId)];

    public List<T> Of<T>() => [.. Effects.OfType<T>()];

    public JsonNode? Variable(string name) => State!.Variables[name];

    public static JsonObject? Json(object? variables) => variables switch
    {
        null => null,
        JsonObject json => json,
        string text => JsonNode.Parse(text)!.AsObject(),
        _ => JsonSerializer.SerializeToNode(variables)!.AsObject(),
    };
}
