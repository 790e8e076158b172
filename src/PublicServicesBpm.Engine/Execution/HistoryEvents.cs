using System.Text.Json.Nodes;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>An append-only history record, stamped with the command's clock reading.</summary>
/// <param name="At">When it happened (the injected <see cref="TimeProvider"/>'s time at the command).</param>
public abstract record HistoryEvent(DateTimeOffset At) : EngineEffect;

/// <summary>A token entered a flow node (or the instance started: element type <c>process</c>).</summary>
public sealed record ElementEntered(string ElementId, string ElementType, string TokenId, DateTimeOffset At) : HistoryEvent(At);

/// <summary>A token left a flow node (or the instance ended: element type <c>process</c>).</summary>
public sealed record ElementLeft(string ElementId, string ElementType, string TokenId, DateTimeOffset At) : HistoryEvent(At);

/// <summary>A variable was set; <paramref name="ScopeId"/> is the scope instance that holds it.</summary>
public sealed record VariableChanged(string Name, JsonNode? Value, string ScopeId, DateTimeOffset At) : HistoryEvent(At);

/// <summary>A timer fired.</summary>
public sealed record TimerFired(string TimerId, string ElementId, DateTimeOffset At) : HistoryEvent(At);

/// <summary>A message was correlated to a subscription.</summary>
public sealed record MessageReceived(string SubscriptionId, string ElementId, string MessageName, string? CorrelationKey, DateTimeOffset At) : HistoryEvent(At);

/// <summary>A user task was completed.</summary>
public sealed record TaskCompleted(string TaskId, string ElementId, string? Outcome, DateTimeOffset At) : HistoryEvent(At);

/// <summary>A job's handler reported success or failure.</summary>
public sealed record JobFinished(string JobId, string ElementId, bool Succeeded, string? ErrorMessage, DateTimeOffset At) : HistoryEvent(At);

/// <summary>A token was removed from a node without completing it (interrupted, terminated or cancelled).</summary>
public sealed record ElementCancelled(string ElementId, string ElementType, string TokenId, DateTimeOffset At) : HistoryEvent(At);
