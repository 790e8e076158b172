namespace PublicServicesBpm.Engine.Feel.Values;

internal sealed class FeelString(string value) : FeelValue
{
    public string Value { get; } = value;

    public override FeelValueKind Kind => FeelValueKind.String;
}
