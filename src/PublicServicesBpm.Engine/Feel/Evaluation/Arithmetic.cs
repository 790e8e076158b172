using PublicServicesBpm.Engine.Feel.Builtins;
using PublicServicesBpm.Engine.Feel.Syntax;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>
/// + - * / ** on numbers, strings and temporal values. Decimal arithmetic throughout; overflow,
/// division by zero and unsupported type pairs yield null, as FEEL requires.
/// </summary>
internal static class Arithmetic
{
    public static FeelValue Apply(BinaryOperator op, FeelValue left, FeelValue right)
    {
        try
        {
            return op switch
            {
                BinaryOperator.Add => Add(left, right),
                BinaryOperator.Subtract => Subtract(left, right),
                BinaryOperator.Multiply => Multiply(left, right),
                BinaryOperator.Divide => Divide(left, right),
                BinaryOperator.Power => Power(left, right),
                _ => FeelValue.Null,
            };
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or ArgumentException)
        {
            return FeelValue.Null;
        }
    }

    public static FeelValue Negate(FeelValue value) => value switch
    {
        FeelNumber n => new FeelNumber(-n.Value),
        FeelDaysTimeDuration d => new FeelDaysTimeDuration(-d.Value),
        FeelYearsMonthsDuration d => new FeelYearsMonthsDuration(-d.TotalMonths),
        _ => FeelValue.Null,
    };

    private static FeelValue Add(FeelValue left, FeelValue right) => (left, right) switch
    {
        (FeelNumber a, FeelNumber b) => new FeelNumber(a.Value + b.Value),
        (FeelString a, FeelString b) => new FeelString(a.Value + b.Value),
        (FeelDaysTimeDuration a, FeelDaysTimeDuration b) => new FeelDaysTimeDuration(a.Value + b.Value),
        (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b) => new FeelYearsMonthsDuration(checked(a.TotalMonths + b.TotalMonths)),
        (FeelDaysTimeDuration or FeelYearsMonthsDuration, FeelDate or FeelDateTime or FeelTime) => Add(right, left),
        _ => TemporalArithmetic.Shift(left, right, 1),
    };

    private static FeelValue Subtract(FeelValue left, FeelValue right) => (left, right) switch
    {
        (FeelNumber a, FeelNumber b) => new FeelNumber(a.Value - b.Value),
        (FeelDaysTimeDuration a, FeelDaysTimeDuration b) => new FeelDaysTimeDuration(a.Value - b.Value),
        (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b) => new FeelYearsMonthsDuration(checked(a.TotalMonths - b.TotalMonths)),
        (FeelDaysTimeDuration or FeelYearsMonthsDuration, _) => FeelValue.Null,
        (_, FeelDaysTimeDuration or FeelYearsMonthsDuration) => TemporalArithmetic.Shift(left, right, -1),
        _ => TemporalArithmetic.Difference(left, right),
    };

    private static FeelValue Multiply(FeelValue left, FeelValue right) => (left, right) switch
    {
        (FeelNumber a, FeelNumber b) => new FeelNumber(a.Value * b.Value),
        (FeelDaysTimeDuration a, FeelNumber b) => new FeelDaysTimeDuration(Scale(a.Value, b.Value)),
        (FeelNumber a, FeelDaysTimeDuration b) => new FeelDaysTimeDuration(Scale(b.Value, a.Value)),
        (FeelYearsMonthsDuration a, FeelNumber b) => new FeelYearsMonthsDuration(checked((int)decimal.Truncate(a.TotalMonths * b.Value))),
        (FeelNumber a, FeelYearsMonthsDuration b) => new FeelYearsMonthsDuration(checked((int)decimal.Truncate(b.TotalMonths * a.Value))),
        _ => FeelValue.Null,
    };

    private static FeelValue Divide(FeelValue left, FeelValue right) => (left, right) switch
    {
        (FeelNumber, FeelNumber { Value: 0 }) => FeelValue.Null,
        (FeelNumber a, FeelNumber b) => new FeelNumber(a.Value / b.Value),
        (FeelDaysTimeDuration, FeelNumber { Value: 0 }) => FeelValue.Null,
        (FeelDaysTimeDuration a, FeelNumber b) => new FeelDaysTimeDuration(Scale(a.Value, 1 / b.Value)),
        (FeelDaysTimeDuration, FeelDaysTimeDuration { Value.Ticks: 0 }) => FeelValue.Null,
        (FeelDaysTimeDuration a, FeelDaysTimeDuration b) => new FeelNumber((decimal)a.Value.Ticks / b.Value.Ticks),
        (FeelYearsMonthsDuration, FeelNumber { Value: 0 }) => FeelValue.Null,
        (FeelYearsMonthsDuration a, FeelNumber b) => new FeelYearsMonthsDuration(checked((int)decimal.Truncate(a.TotalMonths / b.Value))),
        (FeelYearsMonthsDuration, FeelYearsMonthsDuration { TotalMonths: 0 }) => FeelValue.Null,
        (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b) => new FeelNumber((decimal)a.TotalMonths / b.TotalMonths),
        _ => FeelValue.Null,
    };

    private static FeelValue Power(FeelValue left, FeelValue right)
    {
        if (left is not FeelNumber a || right is not FeelNumber b)
        {
            return FeelValue.Null;
        }

        // Whole exponents stay exact in decimal; others fall back to binary floating point,
        // since the result is irrational anyway.
        if (b.Value == decimal.Truncate(b.Value) && Math.Abs(b.Value) <= 1000)
        {
            var result = 1m;
            for (var i = 0; i < Math.Abs(b.Value); i++)
            {
                result = checked(result * a.Value);
            }

            return b.Value < 0 ? (result == 0 ? FeelValue.Null : new FeelNumber(1 / result)) : new FeelNumber(result);
        }

        return DecimalMath.FromDouble(Math.Pow((double)a.Value, (double)b.Value)) is { } power ? new FeelNumber(power) : FeelValue.Null;
    }

    private static TimeSpan Scale(TimeSpan duration, decimal factor) =>
        TimeSpan.FromTicks(checked((long)decimal.Round(duration.Ticks * factor)));
}
