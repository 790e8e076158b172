namespace PublicServicesBpm.Engine.Execution;

/// <summary>The life-cycle status of a process instance.</summary>
public enum InstanceStatus
{
    /// <summary>Running: commands move its tokens.</summary>
    Active,

    /// <summary>Ended normally: no token remains.</summary>
    Completed,

    /// <summary>Ended by a terminate end event at process level.</summary>
    Terminated,

    /// <summary>Ended by a <see cref="CancelInstance"/> command.</summary>
    Cancelled,

    /// <summary>Paused by an administrator: only resume and cancel are accepted.</summary>
    Suspended,
}

/// <summary>What a token waits for.</summary>
public enum TokenWait
{
    /// <summary>A user task to be completed.</summary>
    UserTask,

    /// <summary>A job (service or send task) to be completed or failed.</summary>
    Job,

    /// <summary>A message (receive task or message catch event).</summary>
    Message,

    /// <summary>A timer (timer catch event).</summary>
    Timer,

    /// <summary>The first of the events after an event-based gateway.</summary>
    EventGateway,

    /// <summary>The other branches of a parallel join.</summary>
    Join,

    /// <summary>The embedded sub-process it started.</summary>
    SubProcess,

    /// <summary>The inner instances of a multi-instance activity.</summary>
    MultiInstance,

    /// <summary>A child process instance started for a call activity.</summary>
    CallActivity,

    /// <summary>An administrator: the token is stuck on an incident.</summary>
    Incident,
}

/// <summary>The kinds of scope instance.</summary>
public enum ScopeKind
{
    /// <summary>The process itself.</summary>
    Process,

    /// <summary>An embedded sub-process.</summary>
    SubProcess,

    /// <summary>The body of a multi-instance activity, owning its inner instances.</summary>
    MultiInstanceBody,

    /// <summary>One inner instance of a multi-instance activity (holds the element variable and loopCounter).</summary>
    MultiInstanceInner,
}

/// <summary>What an open wait is.</summary>
public enum WaitKind
{
    /// <summary>A user task.</summary>
    UserTask,

    /// <summary>A timer.</summary>
    Timer,

    /// <summary>A message subscription.</summary>
    Message,

    /// <summary>A job run by a handler after commit.</summary>
    Job,

    /// <summary>A child process instance started for a call activity.</summary>
    CallActivity,
}

/// <summary>Why a token is stuck on an incident; it decides what <see cref="RetryIncident"/> does.</summary>
public enum IncidentKind
{
    /// <summary>The element could not be executed (no gateway condition true, a FEEL expression failed…): retry re-executes it.</summary>
    ElementFailure,

    /// <summary>A job failed with no retries left: retry schedules the job again with its full retries.</summary>
    JobFailure,

    /// <summary>The command's step limit was reached (a loop without a wait state): retry continues from the element.</summary>
    StepLimit,

    /// <summary>A BPMN error no boundary event caught: retry throws it again.</summary>
    UncaughtError,
}
