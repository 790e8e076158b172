using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// The live state of one process instance: what the instance row stores (as jsonb) between commands.
/// It holds only what is still running — history goes out as effects — so loops and long lives do not
/// grow it. Treat it as immutable: the interpreter never changes a state it is given (it copies the
/// variables) and returns a new one. Serialize with <see cref="ToJson"/> / <see cref="FromJson"/>; the
/// shape is plain records, lists and string enums (no polymorphic types).
/// </summary>
public sealed record ProcessInstanceState
{
    /// <summary>The instance id (chosen by the host); every other id in the state is derived from it.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The process key (the BPMN process id).</summary>
    public required string ProcessKey { get; init; }

    /// <summary>The deployed version the instance runs on, to its end.</summary>
    public required int ProcessVersion { get; init; }

    /// <summary>The life-cycle status.</summary>
    public required InstanceStatus Status { get; init; }

    /// <summary>The process-level variables. Multi-instance inner instances keep their own in <see cref="Scopes"/>.</summary>
    public required JsonObject Variables { get; init; }

    /// <summary>The tokens, in creation order; each waits somewhere (see <see cref="TokenState.Wait"/>).</summary>
    public IReadOnlyList<TokenState> Tokens { get; init; } = [];

    /// <summary>The open scope instances: the process, sub-processes and multi-instance bodies and inner instances.</summary>
    public IReadOnlyList<ScopeState> Scopes { get; init; } = [];

    /// <summary>The open waits: user tasks, timers, message subscriptions, jobs and call activities.</summary>
    public IReadOnlyList<WaitState> Waits { get; init; } = [];

    /// <summary>The open incidents.</summary>
    public IReadOnlyList<IncidentState> Incidents { get; init; } = [];

    /// <summary>The counter behind every generated id; it only grows.</summary>
    public long Sequence { get; init; }

    /// <summary>Serializes the state to JSON (camelCase, enums as strings).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, StateJson.Options);

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a serialized state.</exception>
    public static ProcessInstanceState FromJson(string json) =>
        JsonSerializer.Deserialize<ProcessInstanceState>(json, StateJson.Options)
        ?? throw new JsonException("The JSON text holds no process instance state.");
}
