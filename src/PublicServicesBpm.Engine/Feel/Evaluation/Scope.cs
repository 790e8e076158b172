namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>Names visible at one point of evaluation; inner scopes (iterations, function calls, context entries) shadow outer ones.</summary>
internal sealed class Scope(Scope? parent, IReadOnlyDictionary<string, FeelValue> names)
{
    public bool TryLookup(string name, out FeelValue value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Names.TryGetValue(name, out var found))
            {
                value = found;
                return true;
            }
        }

        value = FeelValue.Null;
        return false;
    }

    public Scope? Parent { get; } = parent;

    public IReadOnlyDictionary<string, FeelValue> Names { get; } = names;

    public Scope With(string name, FeelValue value) =>
        new(this, new Dictionary<string, FeelValue>(1) { [name] = value });

    public Scope With(IReadOnlyDictionary<string, FeelValue> names) => new(this, names);
}
