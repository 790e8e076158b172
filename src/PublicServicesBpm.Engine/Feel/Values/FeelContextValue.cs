namespace PublicServicesBpm.Engine.Feel.Values;

/// <summary>A FEEL context: entries keep their insertion order, as FEEL requires.</summary>
internal sealed class FeelContextValue(OrderedDictionary<string, FeelValue> entries) : FeelValue
{
    public OrderedDictionary<string, FeelValue> Entries { get; } = entries;

    public override FeelValueKind Kind => FeelValueKind.Context;

    public FeelValue Get(string key) => Entries.TryGetValue(key, out var value) ? value : Null;
}
