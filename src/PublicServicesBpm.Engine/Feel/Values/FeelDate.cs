namespace PublicServicesBpm.Engine.Feel.Values;

internal sealed class FeelDate(DateOnly value) : FeelValue
{
    public DateOnly Value { get; } = value;

    public override FeelValueKind Kind => FeelValueKind.Date;
}
