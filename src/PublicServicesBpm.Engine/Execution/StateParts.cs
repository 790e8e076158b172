using System.Text.Json.Nodes;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>A token: a position in the process graph, waiting for something.</summary>
/// <param name="Id">The token id.</param>
/// <param name="ElementId">The flow node the token is at.</param>
/// <param name="ScopeId">The scope instance the token belongs to.</param>
/// <param name="Wait">
/// What the token waits for. Only tokens at rest appear in a returned state; while a token moves during a
/// command this field still holds its previous value.
/// </param>
/// <param name="ArrivedVia">The sequence flow the token arrived on (used by parallel joins).</param>
public sealed record TokenState(string Id, string ElementId, string ScopeId, TokenWait Wait, string? ArrivedVia = null);

/// <summary>A scope instance: the process, an embedded sub-process, or a multi-instance body or inner instance.</summary>
/// <param name="Id">The scope instance id.</param>
/// <param name="Kind">What kind of scope it is.</param>
/// <param name="ElementId">The process key, or the id of the sub-process / multi-instance activity.</param>
/// <param name="ParentId">The enclosing scope instance; <see langword="null"/> for the process.</param>
/// <param name="OwnerTokenId">The token in the parent scope that waits for this scope (sub-process, multi-instance body).</param>
public sealed record ScopeState(string Id, ScopeKind Kind, string ElementId, string? ParentId, string? OwnerTokenId)
{
    /// <summary>
    /// Local variables: a multi-instance inner instance's element variable and <c>loopCounter</c>, and any
    /// variable later written while it exists locally. <see langword="null"/> when there are none.
    /// </summary>
    public JsonObject? Variables { get; init; }

    /// <summary>Multi-instance body: the evaluated collection, fixed when the body starts.</summary>
    public JsonArray? Collection { get; init; }

    /// <summary>Multi-instance body: the index of the next item to start.</summary>
    public int NextIndex { get; init; }

    /// <summary>Multi-instance body: how many inner instances have completed.</summary>
    public int CompletedCount { get; init; }
}

/// <summary>
/// An open wait, identified by a deterministic id: a user task, a timer, a message subscription, a job or a
/// called child instance. One flat record so the JSON has no polymorphism; unused fields are null.
/// </summary>
/// <param name="Id">The task, timer, subscription, job or call id.</param>
/// <param name="Kind">What is awaited.</param>
/// <param name="TokenId">The token that waits (for a boundary event: the token at the host activity).</param>
/// <param name="ElementId">The element that reacts: the activity, catch event or boundary event.</param>
public sealed record WaitState(string Id, WaitKind Kind, string TokenId, string ElementId)
{
    /// <summary>Message subscriptions: the message name.</summary>
    public string? MessageName { get; init; }

    /// <summary>Message subscriptions: the correlation key evaluated when the subscription opened.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Timers: when the timer is due. User tasks: their due date, if any.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Jobs: the handler (<c>psb:type</c>).</summary>
    public string? HandlerType { get; init; }

    /// <summary>Jobs: retries left before a failure raises an incident.</summary>
    public int? RetriesLeft { get; init; }

    /// <summary>Cycle timers: repetitions left after this one (-1: unbounded).</summary>
    public int? CycleRepetitions { get; init; }

    /// <summary>Cycle timers: the ISO-8601 interval between repetitions.</summary>
    public string? CycleInterval { get; init; }
}

/// <summary>An open incident: a token stuck at an element until an administrator retries it.</summary>
/// <param name="Id">The incident id.</param>
/// <param name="Kind">Why the token is stuck; decides what a retry does.</param>
/// <param name="TokenId">The stuck token.</param>
/// <param name="ElementId">The element where it is stuck.</param>
/// <param name="Message">What went wrong, in English.</param>
public sealed record IncidentState(string Id, IncidentKind Kind, string TokenId, string ElementId, string Message)
{
    /// <summary>For an uncaught BPMN error: its code.</summary>
    public string? ErrorCode { get; init; }
}
