using System.Globalization;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// One command's working copy of an instance: mutable lists built from the immutable state, changed while
/// tokens move, then frozen into the next <see cref="ProcessInstanceState"/>. The given state is never
/// touched, so a rejected command leaves nothing behind. Partial files hold the behaviours.
/// </summary>
internal sealed partial class InstanceRun
{
    private readonly ProcessDefinition _definition;
    private readonly ExecutionEnvironment _env;
    private readonly string _processKey;
    private readonly int _processVersion;
    private readonly JsonObject _variables;
    private readonly List<TokenState> _tokens;
    private readonly List<ScopeState> _scopes;
    private readonly List<WaitState> _waits;
    private readonly List<IncidentState> _incidents;
    private readonly List<EngineEffect> _effects = [];
    private long _sequence;

    public InstanceRun(ProcessDefinition definition, ProcessInstanceState state, ExecutionEnvironment env)
    {
        _definition = definition;
        _env = env;
        InstanceId = state.InstanceId;
        _processKey = state.ProcessKey;
        _processVersion = state.ProcessVersion;
        Status = state.Status;
        _variables = state.Variables.DeepClone().AsObject();
        _tokens = [.. state.Tokens];
        _scopes = [.. state.Scopes.Select(s => s.Variables is null ? s : s with { Variables = s.Variables.DeepClone().AsObject() })];
        _waits = [.. state.Waits];
        _incidents = [.. state.Incidents];
        _sequence = state.Sequence;
        Now = env.TimeProvider.GetUtcNow();
    }

    public string InstanceId { get; }

    public InstanceStatus Status { get; private set; }

    /// <summary>The clock, read once: every effect of one command carries the same time.</summary>
    public DateTimeOffset Now { get; }

    public ExecutionResult ToResult()
    {
        var state = new ProcessInstanceState
        {
            InstanceId = InstanceId,
            ProcessKey = _processKey,
            ProcessVersion = _processVersion,
            Status = Status,
            Variables = _variables,
            Tokens = [.. _tokens],
            Scopes = [.. _scopes],
            Waits = [.. _waits],
            Incidents = [.. _incidents],
            Sequence = _sequence,
        };
        return new ExecutionResult(state, [.. _effects]);
    }

    private void Emit(EngineEffect effect) => _effects.Add(effect);

    // Ids come from the instance id and a counter kept in the state, so replaying a command gives the same ids.
    private string NextId(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{InstanceId}:{prefix}{++_sequence}");

    private FlowNode Node(string elementId) =>
        _definition.FindNode(elementId) ?? throw new InvalidOperationException(
            $"Element '{elementId}' is not in process '{_definition.Key}'; the state does not belong to this definition.");

    private FlowScope ScopeOf(string elementId) =>
        _definition.FindScopeOf(elementId) ?? throw new InvalidOperationException(
            $"Element '{elementId}' is not in process '{_definition.Key}'; the state does not belong to this definition.");

    private TokenState? FindToken(string id) => _tokens.Find(t => t.Id == id);

    private TokenState Token(string id) =>
        FindToken(id) ?? throw new InvalidOperationException($"Token '{id}' is missing from the instance state.");

    private ScopeState Scope(string id) =>
        _scopes.Find(s => s.Id == id) ?? throw new InvalidOperationException($"Scope instance '{id}' is missing from the instance state.");

    private void SetToken(TokenState token)
    {
        var index = _tokens.FindIndex(t => t.Id == token.Id);
        if (index < 0)
        {
            _tokens.Add(token);
        }
        else
        {
            _tokens[index] = token;
        }
    }

    private void SetScope(ScopeState scope)
    {
        var index = _scopes.FindIndex(s => s.Id == scope.Id);
        if (index < 0)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes[index] = scope;
        }
    }

    private void SetWait(WaitState wait)
    {
        var index = _waits.FindIndex(w => w.Id == wait.Id);
        if (index < 0)
        {
            _waits.Add(wait);
        }
        else
        {
            _waits[index] = wait;
        }
    }

    private void Park(TokenState token, TokenWait wait) => SetToken(token with { Wait = wait });
}
