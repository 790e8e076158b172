using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// Something the host must do or record, in the same transaction as the new state. The effects of one
/// result are in the order they happened.
/// </summary>
public abstract record EngineEffect;

/// <summary>A user task was created: store it and show it to its candidates.</summary>
/// <param name="TaskId">The task id.</param>
/// <param name="ElementId">The userTask element.</param>
/// <param name="Name">The task name, if any.</param>
/// <param name="CandidateGroups">The evaluated candidate groups (placeholders like <c>{agency}</c> filled in).</param>
/// <param name="Assignee">The evaluated <c>psb:assignee</c>, if any.</param>
/// <param name="FormKey">The form key, if any.</param>
/// <param name="FormBinding">Which form version to use.</param>
/// <param name="Outcomes">The decisions offered.</param>
/// <param name="DueAt">The due date from <c>psb:dueIn</c> on the business calendar, if any.</param>
/// <param name="LoopCounter">The multi-instance loop counter (from 1), if the task is an inner instance.</param>
public sealed record UserTaskCreated(
    string TaskId, string ElementId, string? Name, IReadOnlyList<string> CandidateGroups, string? Assignee,
    string? FormKey, FormBinding FormBinding, IReadOnlyList<string> Outcomes, DateTimeOffset? DueAt, int? LoopCounter) : EngineEffect;

/// <summary>An open user task was cancelled (its token was interrupted or the instance ended).</summary>
public sealed record UserTaskCancelled(string TaskId, string ElementId) : EngineEffect;

/// <summary>A timer was scheduled: store it with its due time.</summary>
public sealed record TimerScheduled(string TimerId, string ElementId, DateTimeOffset DueAt) : EngineEffect;

/// <summary>A timer was cancelled before firing.</summary>
public sealed record TimerCancelled(string TimerId, string ElementId) : EngineEffect;

/// <summary>A message subscription was opened (name + key must be unique among open subscriptions).</summary>
public sealed record SubscriptionOpened(string SubscriptionId, string ElementId, string MessageName, string? CorrelationKey) : EngineEffect;

/// <summary>A message subscription was closed without a message.</summary>
public sealed record SubscriptionClosed(string SubscriptionId, string ElementId) : EngineEffect;

/// <summary>A job must run after commit (first run or a retry).</summary>
/// <param name="JobId">The job id; a retry keeps the id.</param>
/// <param name="ElementId">The service or send task.</param>
/// <param name="HandlerType">The handler (<c>psb:type</c>).</param>
/// <param name="RetriesLeft">Retries left after this run fails.</param>
/// <param name="RunAt">Not before this instant (later for retries: exponential back-off).</param>
public sealed record JobScheduled(string JobId, string ElementId, string HandlerType, int RetriesLeft, DateTimeOffset RunAt) : EngineEffect;

/// <summary>A scheduled job is no longer wanted (its token was interrupted or the instance ended).</summary>
public sealed record JobCancelled(string JobId, string ElementId) : EngineEffect;

/// <summary>An incident was raised: a token is stuck until an administrator retries it.</summary>
public sealed record IncidentRaised(string IncidentId, string ElementId, IncidentKind Kind, string Message) : EngineEffect;

/// <summary>An incident was resolved (retried, or its token cancelled).</summary>
public sealed record IncidentResolved(string IncidentId, string ElementId) : EngineEffect;

/// <summary>The host must start a child instance for a call activity and later send <see cref="CompleteCallActivity"/>.</summary>
/// <param name="CallId">The call id to complete.</param>
/// <param name="ElementId">The callActivity element.</param>
/// <param name="CalledProcessKey">The process to start (a FEEL <c>calledElement</c> already evaluated).</param>
/// <param name="Binding">How to choose its version.</param>
/// <param name="Version">The version for <see cref="CallBinding.Version"/>.</param>
/// <param name="VersionTag">The tag for <see cref="CallBinding.VersionTag"/>.</param>
/// <param name="Variables">A copy of the variables visible at the call activity, as the child's input.</param>
public sealed record CallActivityRequested(
    string CallId, string ElementId, string CalledProcessKey, CallBinding Binding, int? Version, string? VersionTag, JsonObject Variables) : EngineEffect;

/// <summary>The child instance of a call activity is no longer wanted: the host should cancel it.</summary>
public sealed record CallActivityCancelled(string CallId, string ElementId) : EngineEffect;

/// <summary>A token entered a node with <c>psb:dossierStatus</c>: the dossier takes this status.</summary>
public sealed record DossierStatusChanged(int Code, string ElementId, DateTimeOffset At) : EngineEffect;

/// <summary>The instance's status changed without ending (suspended or resumed).</summary>
public sealed record InstanceStatusChanged(InstanceStatus Status, DateTimeOffset At) : EngineEffect;

/// <summary>The instance ended: completed, terminated or cancelled.</summary>
public sealed record InstanceEnded(InstanceStatus Status, DateTimeOffset At, string? Reason = null) : EngineEffect;
