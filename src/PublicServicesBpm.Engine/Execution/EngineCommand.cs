using System.Text.Json.Nodes;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// Something that moves a process instance: sent to <see cref="ProcessInterpreter.Execute"/>. Variables
/// given with a command are merged into the instance (a name already held by an enclosing multi-instance
/// inner instance is written there, any other name at process level).
/// </summary>
public abstract record EngineCommand;

/// <summary>Starts a new instance at the process's none start event (the state passed must be null).</summary>
/// <param name="InstanceId">The new instance's id, chosen by the host (e.g. a UUIDv7).</param>
/// <param name="ProcessVersion">The deployed version of the definition being run.</param>
/// <param name="Variables">The initial process variables, if any.</param>
public sealed record StartInstance(string InstanceId, int ProcessVersion, JsonObject? Variables = null) : EngineCommand;

/// <summary>Completes an open user task.</summary>
/// <param name="TaskId">The task id from <see cref="UserTaskCreated"/>.</param>
/// <param name="Outcome">The decision; required (and one of them) when the task declares <c>psb:outcomes</c>; stored in <c>outcome</c>.</param>
/// <param name="Variables">Form data to merge, if any.</param>
public sealed record CompleteUserTask(string TaskId, string? Outcome = null, JsonObject? Variables = null) : EngineCommand;

/// <summary>Delivers a message to the open subscription with this name and correlation key.</summary>
/// <param name="MessageName">The message name.</param>
/// <param name="CorrelationKey">The key; <see langword="null"/> only matches subscriptions without a key.</param>
/// <param name="Variables">The message payload to merge, if any.</param>
public sealed record CorrelateMessage(string MessageName, string? CorrelationKey, JsonObject? Variables = null) : EngineCommand;

/// <summary>Fires a due timer.</summary>
/// <param name="TimerId">The timer id from <see cref="TimerScheduled"/>.</param>
public sealed record FireTimer(string TimerId) : EngineCommand;

/// <summary>Reports that a job's handler succeeded.</summary>
/// <param name="JobId">The job id from <see cref="JobScheduled"/>.</param>
/// <param name="Variables">The handler's results to merge, if any.</param>
public sealed record CompleteJob(string JobId, JsonObject? Variables = null) : EngineCommand;

/// <summary>
/// Reports that a job's handler failed. With a <paramref name="BpmnErrorCode"/> the failure is a business
/// error, thrown at the activity and caught by an error boundary event; otherwise it is retried while
/// retries are left, then raises an incident.
/// </summary>
/// <param name="JobId">The job id.</param>
/// <param name="ErrorMessage">What went wrong (kept in the incident).</param>
/// <param name="BpmnErrorCode">A BPMN error code, for a business error.</param>
public sealed record FailJob(string JobId, string ErrorMessage, string? BpmnErrorCode = null) : EngineCommand;

/// <summary>Reports that the child instance started for a call activity has completed.</summary>
/// <param name="CallId">The call id from <see cref="CallActivityRequested"/>.</param>
/// <param name="Variables">The child's output variables to merge, if any.</param>
public sealed record CompleteCallActivity(string CallId, JsonObject? Variables = null) : EngineCommand;

/// <summary>
/// Reports that the child instance of a call activity ended with a BPMN error: the error is thrown at the call
/// activity and caught by an error boundary event on it or on an enclosing sub-process (else an incident).
/// </summary>
/// <param name="CallId">The call id from <see cref="CallActivityRequested"/>.</param>
/// <param name="BpmnErrorCode">The error code the child threw.</param>
public sealed record FailCallActivity(string CallId, string BpmnErrorCode) : EngineCommand;

/// <summary>Cancels the whole instance: every wait is closed and the instance ends as cancelled.</summary>
/// <param name="Reason">Why (kept in the history).</param>
public sealed record CancelInstance(string Reason) : EngineCommand;

/// <summary>Suspends an active instance: it accepts only <see cref="ResumeInstance"/> and <see cref="CancelInstance"/> until resumed.</summary>
public sealed record SuspendInstance : EngineCommand;

/// <summary>Resumes a suspended instance.</summary>
public sealed record ResumeInstance : EngineCommand;

/// <summary>Resolves an incident and retries what failed (see <see cref="IncidentKind"/>).</summary>
/// <param name="IncidentId">The incident id from <see cref="IncidentRaised"/>.</param>
/// <param name="Variables">Corrected variables to merge before the retry, if any.</param>
public sealed record RetryIncident(string IncidentId, JsonObject? Variables = null) : EngineCommand;
