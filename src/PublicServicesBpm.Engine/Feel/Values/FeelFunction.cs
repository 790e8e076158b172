using PublicServicesBpm.Engine.Feel.Evaluation;

namespace PublicServicesBpm.Engine.Feel.Values;

/// <summary>
/// A callable value: a built-in or a function defined in the expression. Invocation receives
/// arguments already matched to <see cref="ParameterNames"/> (missing ones are null).
/// </summary>
internal sealed class FeelFunction(string name, IReadOnlyList<string> parameterNames, bool variadic, Func<Invocation, FeelValue> body, IReadOnlyList<string>? alternativeNames = null) : FeelValue
{
    public string Name { get; } = name;

    public IReadOnlyList<string> ParameterNames { get; } = parameterNames;

    /// <summary>True when the function takes any number of positional arguments (e.g. min(1, 2, 3)).</summary>
    public bool Variadic { get; } = variadic;

    public Func<Invocation, FeelValue> Body { get; } = body;

    /// <summary>
    /// Second set of parameter names for built-ins with two signatures, such as date(from) and
    /// date(year, month, day): a named argument may use either set.
    /// </summary>
    public IReadOnlyList<string> AlternativeNames { get; } = alternativeNames ?? [];

    public override FeelValueKind Kind => FeelValueKind.Function;
}
