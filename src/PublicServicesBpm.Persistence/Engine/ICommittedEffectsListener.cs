using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// Told about a command's effects after its transaction committed — never before, so nothing acts on work that
/// was rolled back. A listener that fails (or a crash right after commit) loses nothing: pending jobs and timers
/// are rows, and the recurring scans pick up what was not dispatched.
/// </summary>
public interface ICommittedEffectsListener
{
    /// <param name="instanceId">The instance the command changed.</param>
    /// <param name="parentCallId">When that instance was started by a call activity: the call's id.</param>
    /// <param name="effects">The command's effects, in order.</param>
    void OnCommitted(Guid instanceId, string? parentCallId, IReadOnlyList<EngineEffect> effects);
}
