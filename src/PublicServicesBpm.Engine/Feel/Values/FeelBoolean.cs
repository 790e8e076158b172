namespace PublicServicesBpm.Engine.Feel.Values;

internal sealed class FeelBoolean : FeelValue
{
    public static FeelBoolean True { get; } = new(true);

    public static FeelBoolean False { get; } = new(false);

    private FeelBoolean(bool value) => Value = value;

    public bool Value { get; }

    public override FeelValueKind Kind => FeelValueKind.Boolean;

    public static FeelBoolean Of(bool value) => value ? True : False;
}
