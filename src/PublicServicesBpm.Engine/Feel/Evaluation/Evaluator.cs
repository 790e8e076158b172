using PublicServicesBpm.Engine.Feel.Builtins;
using PublicServicesBpm.Engine.Feel.Syntax;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>
/// Walks the syntax tree. Only FEEL values flow through it: names resolve to variables or to
/// built-in functions, never to .NET members, which keeps evaluation sandboxed.
/// </summary>
internal sealed partial class Evaluator(EvaluationRun run)
{
    public EvaluationRun Run { get; } = run;

    public FeelValue Evaluate(Node node, Scope scope)
    {
        Run.Step();
        return node switch
        {
            LiteralNode literal => literal.Value,
            NameNode name => Lookup(name.Name, scope),
            PathNode path => Paths.Select(Evaluate(path.Target, scope), path.Name),
            FilterNode filter => EvaluateFilter(filter, scope),
            CallNode call => EvaluateCall(call, scope),
            NegateNode negate => Arithmetic.Negate(Evaluate(negate.Operand, scope)),
            BinaryNode binary => EvaluateBinary(binary, scope),
            AndNode and => EvaluateAnd(and, scope),
            OrNode or => EvaluateOr(or, scope),
            BetweenNode between => EvaluateBetween(between, scope),
            InNode @in => EvaluateIn(@in, scope),
            InstanceOfNode instance => FeelBoolean.Of(FeelTypes.IsInstance(Evaluate(instance.Value, scope), instance.TypeName)),
            IfNode @if => Evaluate(Evaluate(@if.Condition, scope).IsTrue ? @if.Then : @if.Else, scope),
            ForNode @for => EvaluateFor(@for, scope),
            QuantifiedNode quantified => EvaluateQuantified(quantified, scope),
            ListNode list => EvaluateList(list, scope),
            ContextNode context => EvaluateContext(context, scope),
            RangeNode range => EvaluateRange(range, scope),
            FunctionDefinitionNode definition => DefineFunction(definition, scope),
            _ => throw new InvalidOperationException($"Unknown syntax node {node.GetType().Name}"),
        };
    }

    private static FeelValue Lookup(string name, Scope scope) =>
        scope.TryLookup(name, out var value) ? value : BuiltinLibrary.Find(name) ?? FeelValue.Null;

    private FeelValue EvaluateBinary(BinaryNode node, Scope scope)
    {
        var left = Evaluate(node.Left, scope);
        var right = Evaluate(node.Right, scope);
        var result = node.Operator switch
        {
            BinaryOperator.Equal => ToBoolean(FeelComparer.AreEqual(left, right)),
            BinaryOperator.NotEqual => ToBoolean(!FeelComparer.AreEqual(left, right)),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual =>
                ToBoolean(Test(node.Operator, left, right)),
            _ => Arithmetic.Apply(node.Operator, left, right),
        };
        return result is FeelString text ? new FeelString(Run.CheckString(text.Value)) : result;
    }

    /// <summary>Applies a comparison operator; null when the operands cannot be compared.</summary>
    public static bool? Test(BinaryOperator op, FeelValue left, FeelValue right)
    {
        if (op is BinaryOperator.Equal)
        {
            return FeelComparer.AreEqual(left, right);
        }

        if (op is BinaryOperator.NotEqual)
        {
            return !FeelComparer.AreEqual(left, right);
        }

        return FeelComparer.Compare(left, right) is not { } order ? null : op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    private FeelValue EvaluateAnd(AndNode node, Scope scope)
    {
        var left = Evaluate(node.Left, scope);
        if (left is FeelBoolean { Value: false })
        {
            return FeelBoolean.False;
        }

        var right = Evaluate(node.Right, scope);
        if (right is FeelBoolean { Value: false })
        {
            return FeelBoolean.False;
        }

        return left is FeelBoolean && right is FeelBoolean ? FeelBoolean.True : FeelValue.Null;
    }

    private FeelValue EvaluateOr(OrNode node, Scope scope)
    {
        var left = Evaluate(node.Left, scope);
        if (left is FeelBoolean { Value: true })
        {
            return FeelBoolean.True;
        }

        var right = Evaluate(node.Right, scope);
        if (right is FeelBoolean { Value: true })
        {
            return FeelBoolean.True;
        }

        return left is FeelBoolean && right is FeelBoolean ? FeelBoolean.False : FeelValue.Null;
    }

    private FeelValue EvaluateBetween(BetweenNode node, Scope scope)
    {
        var value = Evaluate(node.Value, scope);
        var low = Test(BinaryOperator.GreaterOrEqual, value, Evaluate(node.Low, scope));
        var high = Test(BinaryOperator.LessOrEqual, value, Evaluate(node.High, scope));
        if (low == false || high == false)
        {
            return FeelBoolean.False;
        }

        return low == true && high == true ? FeelBoolean.True : FeelValue.Null;
    }

    private static FeelValue ToBoolean(bool? value) => value is { } known ? FeelBoolean.Of(known) : FeelValue.Null;
}
