namespace PublicServicesBpm.Engine.Feel.Values;

internal sealed class FeelDaysTimeDuration(TimeSpan value) : FeelValue
{
    public TimeSpan Value { get; } = value;

    public override FeelValueKind Kind => FeelValueKind.DaysTimeDuration;
}
