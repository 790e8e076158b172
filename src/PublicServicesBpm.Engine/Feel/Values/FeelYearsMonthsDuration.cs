namespace PublicServicesBpm.Engine.Feel.Values;

internal sealed class FeelYearsMonthsDuration(int totalMonths) : FeelValue
{
    public int TotalMonths { get; } = totalMonths;

    public override FeelValueKind Kind => FeelValueKind.YearsMonthsDuration;
}
