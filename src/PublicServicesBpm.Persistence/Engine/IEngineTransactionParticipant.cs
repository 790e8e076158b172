using Npgsql;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// Writes that must be committed with the engine's new state, for every command whatever its source (an officer, a
/// message, a timer, a job) — for example the dossier row that mirrors the instance's <c>psb:dossierStatus</c>. The
/// runtime calls each participant after the engine's own statements and before the single commit, on the command's
/// connection and transaction; a throw rolls the whole command back. A participant that has nothing to do for the
/// given effects must return without touching the database, so that commands that do not concern it stay cheap.
/// </summary>
public interface IEngineTransactionParticipant
{
    Task OnEffectsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<InstanceEffects> changes, CancellationToken cancellationToken);
}

/// <summary>The effects one command had on one instance.</summary>
public sealed record InstanceEffects(Guid InstanceId, string? BusinessKey, IReadOnlyList<EngineEffect> Effects);

/// <summary>
/// A caller's own writes that belong to one engine command (for example the dossier data recorded with the task that
/// completes), run on the command's connection and transaction after the engine's statements and before the
/// participants and the commit. It runs again if the command is retried on fresh state. A throw rolls back everything.
/// </summary>
public delegate Task AlongsideCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, CommandOutcome outcome, CancellationToken cancellationToken);
