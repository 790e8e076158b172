namespace PublicServicesBpm.Persistence.Engine;

// The engine's runtime tables (schema bpm). EF Core defines them for migrations and for queries; the hot path
// (WorkflowRuntime) writes them with one batched round trip per command. Rows of pending things (timers,
// subscriptions, jobs) are deleted when they are done: their history is in history_events.

/// <summary>One process instance: its live state (jsonb) with a revision for optimistic concurrency.</summary>
public sealed class ProcessInstanceRecord
{
    public Guid Id { get; init; }

    public Guid DefinitionVersionId { get; init; }

    public required string ProcessKey { get; init; }

    public int ProcessVersion { get; init; }

    /// <summary>The business key, usually the dossier code; unique among instances when set.</summary>
    public string? BusinessKey { get; init; }

    public required string Status { get; set; }

    public required string State { get; set; }

    public int Revision { get; set; }

    /// <summary>For an instance started by a call activity: the call's id (see <see cref="CalledProcessRecord"/>).</summary>
    public string? ParentCallId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>A user task, open or finished (kept for the task list and the viewer).</summary>
public sealed class UserTaskRecord
{
    public required string Id { get; init; }

    public Guid InstanceId { get; init; }

    public required string ElementId { get; init; }

    public string? Name { get; init; }

    public string[] CandidateGroups { get; init; } = [];

    public string? Assignee { get; set; }

    /// <summary>Who delegated the task and gets it back when the delegate resolves it; null when not delegated.</summary>
    public string? Owner { get; set; }

    public string? FormKey { get; init; }

    public string[] Outcomes { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The due time the deadline monitor's <see cref="SlaStage"/> refers to; differs from <see cref="DueAt"/> until the monitor has seen the task.</summary>
    public DateTimeOffset? SlaDueAt { get; set; }

    /// <summary>How far the deadline monitor has gone: 0 watching, 1 near due, 2 overdue (escalated to the department head), 3 escalated to the unit leader.</summary>
    public short SlaStage { get; set; }

    /// <summary>When the monitor next looks at the task (its next threshold); null when there is nothing more to do.</summary>
    public DateTimeOffset? SlaCheckAt { get; set; }

    /// <summary><c>open</c>, <c>completed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? Outcome { get; set; }
}

/// <summary>A pending timer; a recurring job fires the due ones in batches.</summary>
public sealed class TimerRecord
{
    public required string Id { get; init; }

    public Guid InstanceId { get; init; }

    public required string ElementId { get; init; }

    public DateTimeOffset DueAt { get; init; }
}

/// <summary>An open message subscription: at most one per message name and correlation key.</summary>
public sealed class MessageSubscriptionRecord
{
    public required string Id { get; init; }

    public Guid InstanceId { get; init; }

    public required string ElementId { get; init; }

    public required string MessageName { get; init; }

    /// <summary>The correlation key; the empty string when the subscription has none.</summary>
    public required string CorrelationKey { get; init; }
}

/// <summary>A pending service-task job, run after commit by its handler.</summary>
public sealed class JobRecord
{
    public required string Id { get; init; }

    public Guid InstanceId { get; init; }

    public required string ElementId { get; init; }

    public required string HandlerType { get; init; }

    public int RetriesLeft { get; init; }

    public DateTimeOffset RunAt { get; init; }

    /// <summary>While a worker runs the job, its lease: no other worker takes the job before this instant.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
}

/// <summary>An incident: a failure an administrator can see and retry.</summary>
public sealed class IncidentRecord
{
    public required string Id { get; init; }

    public Guid InstanceId { get; init; }

    public required string ElementId { get; init; }

    public required string Kind { get; init; }

    public required string Message { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>Append-only engine history: what happened to an instance, when.</summary>
public sealed class HistoryEventRecord
{
    public long Id { get; init; }

    public Guid InstanceId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Type { get; init; }

    public string? ElementId { get; init; }

    public required string Data { get; init; }

    /// <summary>False until the notification relay has told people about it (task assignments only; the others are never read).</summary>
    public bool Notified { get; set; }
}

/// <summary>The first result of a command sent with an idempotency key; a repeat returns it and changes nothing.</summary>
public sealed class CommandReceiptRecord
{
    public required string IdempotencyKey { get; init; }

    public Guid InstanceId { get; init; }

    /// <summary>The instance's status right after the first execution: what a repeat returns.</summary>
    public required string Status { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>
/// A call activity's request to run another process, written with the calling instance's command and settled
/// after commit: start the child, report its end to the caller, or cancel it when the caller stopped waiting.
/// </summary>
public sealed class CalledProcessRecord
{
    public required string CallId { get; init; }

    public Guid ParentInstanceId { get; init; }

    public required string ElementId { get; init; }

    public required string CalledProcessKey { get; init; }

    public required string Binding { get; init; }

    public int? Version { get; init; }

    public string? VersionTag { get; init; }

    public required string Variables { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public Guid? ChildInstanceId { get; set; }

    /// <summary>The caller no longer waits (an interrupting boundary event, a cancellation).</summary>
    public bool Cancelled { get; set; }

    public string? ChildStatus { get; set; }

    public string? ChildVariables { get; set; }

    public DateTimeOffset? ChildEndedAt { get; set; }
}
