namespace PublicServicesBpm.Engine.Feel.Values;

/// <summary>A FEEL number. Decimal, as the specification requires, so 0.1 + 0.2 = 0.3.</summary>
internal sealed class FeelNumber(decimal value) : FeelValue
{
    public decimal Value { get; } = value;

    public override FeelValueKind Kind => FeelValueKind.Number;
}
