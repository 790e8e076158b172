namespace PublicServicesBpm.Engine.Feel.Values;

/// <summary>FEEL null: absent data, and the result of every failed operation.</summary>
internal sealed class FeelNull : FeelValue
{
    public static FeelNull Instance { get; } = new();

    private FeelNull()
    {
    }

    public override FeelValueKind Kind => FeelValueKind.Null;
}
