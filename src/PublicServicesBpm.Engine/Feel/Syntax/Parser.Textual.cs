namespace PublicServicesBpm.Engine.Feel.Syntax;

internal sealed partial class Parser
{
    private IfNode ParseIf()
    {
        var position = Advance().Position;
        var condition = ParseExpression();
        Expect("then");
        var then = ParseExpression();
        Expect("else");
        return new IfNode(condition, then, ParseExpression(), position);
    }

    private ForNode ParseFor()
    {
        var position = Advance().Position;
        var iterations = ParseIterations();
        Expect("return");
        return new ForNode(iterations, ParseExpression(), position);
    }

    private QuantifiedNode ParseQuantified()
    {
        var keyword = Advance();
        var iterations = ParseIterations();
        Expect("satisfies");
        return new QuantifiedNode(keyword.Text == "every", iterations, ParseExpression(), keyword.Position);
    }

    private List<Iteration> ParseIterations()
    {
        var iterations = new List<Iteration>();
        do
        {
            var name = ReadName();
            Expect("in");
            var domain = ParseExpression();
            Node? rangeEnd = null;
            if (TrySkip(".."))
            {
                rangeEnd = ParseExpression();
            }

            iterations.Add(new Iteration(name, domain, rangeEnd));
        }
        while (TrySkip(","));

        return iterations;
    }

    private FunctionDefinitionNode ParseFunctionDefinition()
    {
        var position = Advance().Position;
        Expect("(");
        var parameters = new List<string>();
        if (!TrySkip(")"))
        {
            do
            {
                parameters.Add(ReadName());
            }
            while (TrySkip(","));

            Expect(")");
        }

        return new FunctionDefinitionNode(parameters, ParseExpression(), position);
    }

    // The right side of "in": one test, or several in parentheses ("x in (1, 2, > 5)").
    private List<UnaryTest> ParsePositiveUnaryTests()
    {
        if (Current.Is("(") && HasTopLevelComma())
        {
            Advance();
            var tests = new List<UnaryTest>();
            do
            {
                tests.Add(ParseUnaryTest());
            }
            while (TrySkip(","));

            Expect(")");
            return tests;
        }

        return [ParseUnaryTest()];
    }

    private UnaryTest ParseUnaryTest()
    {
        if (ComparisonOperator(Current) is { } op)
        {
            Advance();
            return new UnaryTest(op, ParseAdditive());
        }

        return new UnaryTest(null, ParseAdditive());
    }

    // Looks ahead from "(" to its partner: a comma at the top level means a list of tests.
    private bool HasTopLevelComma()
    {
        var nesting = 0;
        for (var i = _index; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind != TokenKind.Symbol)
            {
                continue;
            }

            switch (token.Text)
            {
                case "(" or "[" or "{":
                    nesting++;
                    break;
                case ")" or "]" or "}":
                    // "(1..5]" closes with "]": either way the outer group ends at nesting zero.
                    if (--nesting == 0)
                    {
                        return false;
                    }

                    break;
                case "," when nesting == 1:
                    return true;
            }
        }

        return false;
    }
}
