using PublicServicesBpm.Engine.Feel.Evaluation;
using PublicServicesBpm.Engine.Feel.Syntax;

namespace PublicServicesBpm.Engine.Feel;

/// <summary>
/// A parsed FEEL expression, ready to evaluate any number of times from any thread.
/// Parse with <see cref="Parse(string)"/>, which caches by text.
/// </summary>
public sealed class FeelExpression
{
    private readonly Node _root;

    private FeelExpression(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The expression text as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Parses an expression with the default limits, reusing an earlier parse of the same text
    /// from a shared, bounded cache.
    /// </summary>
    /// <exception cref="FeelException">The text is not a valid expression; the message names the position.</exception>
    public static FeelExpression Parse(string text) => FeelExpressionCache.Shared.GetOrParse(text);

    /// <summary>Parses an expression without caching, with the given limits on length and depth.</summary>
    /// <exception cref="FeelException">The text is not a valid expression or exceeds a limit.</exception>
    public static FeelExpression ParseUncached(string text, FeelLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        return new FeelExpression(text, Parser.Parse(text, limits));
    }

    /// <summary>
    /// Evaluates the expression. Type mismatches, missing variables, division by zero and
    /// similar problems yield <see cref="FeelValue.Null"/>, as FEEL specifies.
    /// </summary>
    /// <exception cref="FeelException">Evaluation exceeded a bound in <see cref="FeelContext.Limits"/>.</exception>
    public FeelValue Evaluate(FeelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = new EvaluationRun(context);
        return new Evaluator(run).Evaluate(_root, new Scope(null, context.Variables));
    }

    /// <summary>
    /// Evaluates the expression as a condition (a gateway condition, a form's "hide if"):
    /// true only when the result is the boolean true; null, false and any other value are false.
    /// </summary>
    /// <exception cref="FeelException">Evaluation exceeded a bound in <see cref="FeelContext.Limits"/>.</exception>
    public bool EvaluateCondition(FeelContext context) => Evaluate(context).IsTrue;

    /// <inheritdoc/>
    public override string ToString() => Text;
}
