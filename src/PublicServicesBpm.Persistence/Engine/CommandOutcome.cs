using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>What a command did to an instance.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Status">Its status after the command.</param>
/// <param name="Effects">The effects of this command; empty when <paramref name="Repeated"/>.</param>
/// <param name="Repeated">True when the idempotency key had been seen: nothing was changed this time.</param>
public sealed record CommandOutcome(Guid InstanceId, InstanceStatus Status, IReadOnlyList<EngineEffect> Effects, bool Repeated);
