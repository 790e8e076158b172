using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>Variables: where they live, what an expression sees, and how command payloads are merged.</summary>
internal sealed partial class InstanceRun
{
    /// <summary>
    /// The variables visible in a scope instance: the process variables overlaid by the locals of every
    /// enclosing scope, innermost last (so a multi-instance element variable hides a process variable).
    /// </summary>
    private JsonObject VisibleVariables(string scopeId)
    {
        var visible = _variables.DeepClone().AsObject();
        foreach (var scope in Enumerable.Reverse(ScopeChain(scopeId)))
        {
            foreach (var (name, value) in scope.Variables ?? [])
            {
                visible[name] = value?.DeepClone();
            }
        }

        return visible;
    }

    /// <summary>The scope instance and its ancestors, innermost first.</summary>
    private List<ScopeState> ScopeChain(string scopeId)
    {
        var chain = new List<ScopeState>();
        for (var scope = _scopes.Find(s => s.Id == scopeId); scope is not null; scope = scope.ParentId is null ? null : _scopes.Find(s => s.Id == scope.ParentId))
        {
            chain.Add(scope);
        }

        return chain;
    }

    // Builds the FEEL variables straight from the JSON (no copy of the variable tree), innermost scope last.
    private FeelValue Evaluate(ExpressionText expression, string scopeId, JsonObject? extra = null)
    {
        var variables = new Dictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var (name, value) in _variables)
        {
            variables[name] = FeelValue.FromJson(value);
        }

        foreach (var scope in Enumerable.Reverse(ScopeChain(scopeId)))
        {
            foreach (var (name, value) in scope.Variables ?? [])
            {
                variables[name] = FeelValue.FromJson(value);
            }
        }

        foreach (var (name, value) in extra ?? [])
        {
            variables[name] = FeelValue.FromJson(value);
        }

        var context = new FeelContext(variables, _env.TimeProvider, _env.Calendar.TimeZone);
        return FeelExpression.Parse(expression.Body).Evaluate(context);
    }

    /// <summary>
    /// Merges a command's variables. A name held locally by an enclosing scope instance (a multi-instance
    /// element variable) is written there; any other name is a process variable, as in Camunda.
    /// </summary>
    private void SetVariables(string scopeId, JsonObject? variables)
    {
        foreach (var (name, value) in variables ?? [])
        {
            SetVariable(scopeId, name, value?.DeepClone());
        }
    }

    private void SetVariable(string scopeId, string name, JsonNode? value)
    {
        var holder = ScopeChain(scopeId).Find(s => s.Variables?.ContainsKey(name) == true);
        if (holder is not null)
        {
            holder.Variables![name] = value;
        }
        else
        {
            _variables[name] = value;
        }

        Emit(new VariableChanged(name, value?.DeepClone(), holder?.Id ?? InstanceId, Now));
    }

    private static string? ToText(FeelValue value)
    {
        if (value.TryGetText(out var text))
        {
            return text;
        }

        if (value.TryGetNumber(out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        return value.IsNull ? null : value.ToString();
    }

    private static string? ToText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
