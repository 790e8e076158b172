namespace PublicServicesBpm.Engine.Feel.Values;

/// <summary>A time of day; <see cref="Offset"/> is null for a local time.</summary>
internal sealed class FeelTime(TimeOnly value, TimeSpan? offset) : FeelValue
{
    public TimeOnly Value { get; } = value;

    public TimeSpan? Offset { get; } = offset;

    public override FeelValueKind Kind => FeelValueKind.Time;
}
