using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>A call of a function with its arguments in parameter order (absent ones are null).</summary>
internal sealed class Invocation(EvaluationRun run, IReadOnlyList<FeelValue> arguments)
{
    public EvaluationRun Run { get; } = run;

    public IReadOnlyList<FeelValue> Arguments { get; } = arguments;

    public int Count => Arguments.Count;

    public FeelValue this[int index] => index < Arguments.Count ? Arguments[index] : FeelValue.Null;

    public decimal? Number(int index) => this[index] is FeelNumber number ? number.Value : null;

    /// <summary>A whole-number argument, or null when it is missing, fractional or too large.</summary>
    public int? Integer(int index) =>
        Number(index) is { } value && value == decimal.Truncate(value) && Math.Abs(value) <= int.MaxValue ? (int)value : null;

    public string? Text(int index) => this[index] is FeelString text ? text.Value : null;

    public IReadOnlyList<FeelValue>? List(int index) => this[index] is FeelList list ? list.Items : null;

    /// <summary>
    /// The items of a function that takes either one list or several values (min, max, sum...):
    /// min([1, 2]) and min(1, 2) mean the same.
    /// </summary>
    public IReadOnlyList<FeelValue>? Items() =>
        Count == 1 ? (this[0] is FeelList list ? list.Items : Arguments) : Count == 0 ? null : Arguments;
}
