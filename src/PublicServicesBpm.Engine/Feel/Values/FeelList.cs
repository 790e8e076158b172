namespace PublicServicesBpm.Engine.Feel.Values;

internal sealed class FeelList(IReadOnlyList<FeelValue> items) : FeelValue
{
    public static FeelList Empty { get; } = new([]);

    public IReadOnlyList<FeelValue> Items { get; } = items;

    public override FeelValueKind Kind => FeelValueKind.List;
}
