using System.Globalization;

namespace PublicServicesBpm.Engine.Feel.Syntax;

/// <summary>
/// Recursive-descent parser for the FEEL subset. Precedence, lowest first: if/for/some/every,
/// or, and, comparison (= != &lt; &lt;= &gt; &gt;= between in instance of), + -, * /, **, unary -,
/// postfix (path, filter, call). Depth is counted on every nested or chained construct so a
/// hostile expression cannot overflow the stack here or in the evaluator.
/// </summary>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens, int maxDepth)
    {
        _tokens = tokens;
        _maxDepth = maxDepth;
    }

    private Token Current => _tokens[_index];

    public static Node Parse(string text, FeelLimits limits)
    {
        if (text.Length > limits.MaxExpressionLength)
        {
            throw new FeelException($"Expression is {text.Length} characters long; the limit is {limits.MaxExpressionLength}");
        }

        var parser = new Parser(Lexer.Tokenize(text), limits.MaxDepth);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new FeelException("Expression is empty", 0);
        }

        var node = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected();
        }

        return node;
    }

    private Node ParseExpression()
    {
        Enter();
        var saved = _suppressFilter;
        _suppressFilter = false;
        var node = ParseDisjunction();
        _suppressFilter = saved;
        _depth--;
        return node;
    }

    private Node ParseDisjunction()
    {
        var left = ParseConjunction();
        var entered = 0;
        while (Current.Is("or"))
        {
            var position = Advance().Position;
            Enter();
            entered++;
            left = new OrNode(left, ParseConjunction(), position);
        }

        _depth -= entered;
        return left;
    }

    private Node ParseConjunction()
    {
        var left = ParseComparison();
        var entered = 0;
        while (Current.Is("and"))
        {
            var position = Advance().Position;
            Enter();
            entered++;
            left = new AndNode(left, ParseComparison(), position);
        }

        _depth -= entered;
        return left;
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        var position = Current.Position;
        if (ComparisonOperator(Current) is { } op)
        {
            Advance();
            return new BinaryNode(op, left, ParseAdditive(), position);
        }

        if (Current.Is("between"))
        {
            Advance();
            var low = ParseAdditive();
            Expect("and");
            return new BetweenNode(left, low, ParseAdditive(), position);
        }

        if (Current.Is("in"))
        {
            Advance();
            return new InNode(left, ParsePositiveUnaryTests(), position);
        }

        if (Current.Is("instance") && Peek(1).Is("of"))
        {
            Advance();
            Advance();
            return new InstanceOfNode(left, ReadName(), position);
        }

        return left;
    }

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        var entered = 0;
        while (Current.Is("+") || Current.Is("-"))
        {
            var token = Advance();
            Enter();
            entered++;
            var op = token.Text == "+" ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryNode(op, left, ParseMultiplicative(), token.Position);
        }

        _depth -= entered;
        return left;
    }

    private Node ParseMultiplicative()
    {
        var left = ParsePower();
        var entered = 0;
        while (Current.Is("*") || Current.Is("/"))
        {
            var token = Advance();
            Enter();
            entered++;
            var op = token.Text == "*" ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = new BinaryNode(op, left, ParsePower(), token.Position);
        }

        _depth -= entered;
        return left;
    }

    private Node ParsePower()
    {
        var left = ParseUnary();
        var entered = 0;
        while (Current.Is("**"))
        {
            var token = Advance();
            Enter();
            entered++;
            left = new BinaryNode(BinaryOperator.Power, left, ParseUnary(), token.Position);
        }

        _depth -= entered;
        return left;
    }

    private Node ParseUnary()
    {
        if (!Current.Is("-"))
        {
            return ParsePostfix(ParsePrimary());
        }

        var position = Advance().Position;
        Enter();
        var operand = ParseUnary();
        _depth--;
        return operand is LiteralNode { Value: Values.FeelNumber number }
            ? new LiteralNode(FeelValue.Number(-number.Value), position)
            : new NegateNode(operand, position);
    }

    private static BinaryOperator? ComparisonOperator(Token token) =>
        token.Kind != TokenKind.Symbol ? null : token.Text switch
        {
            "=" => BinaryOperator.Equal,
            "!=" => BinaryOperator.NotEqual,
            "<" => BinaryOperator.Less,
            "<=" => BinaryOperator.LessOrEqual,
            ">" => BinaryOperator.Greater,
            ">=" => BinaryOperator.GreaterOrEqual,
            _ => null,
        };

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw new FeelException($"Expression is nested too deeply; the limit is {_maxDepth}", Current.Position);
        }
    }

    private Token Advance() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private Token Peek(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Expect(string symbolOrName)
    {
        if (!Current.Is(symbolOrName))
        {
            throw new FeelException($"Expected '{symbolOrName}' but found {Current.Describe()}", Current.Position);
        }

        return Advance();
    }

    private FeelException Unexpected() =>
        new($"Unexpected {Current.Describe()}", Current.Position);

    private static decimal ParseNumber(Token token) =>
        decimal.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
