using PublicServicesBpm.Engine.Feel.Builtins;

namespace PublicServicesBpm.Engine.Feel.Syntax;

internal sealed partial class Parser
{
    // While the end point of "]1..5[" is parsed, "[" closes the range instead of starting a filter.
    private bool _suppressFilter;

    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralNode(FeelValue.Number(ParseNumber(token)), token.Position);
            case TokenKind.String:
                Advance();
                return new LiteralNode(FeelValue.Text(token.Text), token.Position);
            case TokenKind.Name:
                return ParseNamed(token);
            case TokenKind.Symbol when token.Text == "@" && Peek(1).Kind == TokenKind.String:
                Advance();
                return new LiteralNode(TemporalText.ParseLiteral(Advance().Text), token.Position);
            case TokenKind.Symbol when token.Text is "[" or "(" or "]":
                return ParseBracketed();
            case TokenKind.Symbol when token.Text == "{":
                return ParseContext();
            default:
                throw Unexpected();
        }
    }

    private Node ParseNamed(Token token)
    {
        switch (token.Text)
        {
            case "true" or "false":
                Advance();
                return new LiteralNode(FeelValue.Boolean(token.Text == "true"), token.Position);
            case "null":
                Advance();
                return new LiteralNode(FeelValue.Null, token.Position);
            case "if":
                return ParseIf();
            case "for":
                return ParseFor();
            case "some" or "every":
                return ParseQuantified();
            case "function" when Peek(1).Is("("):
                return ParseFunctionDefinition();
            default:
                return new NameNode(ReadName(), token.Position);
        }
    }

    private Node ParsePostfix(Node node)
    {
        var entered = 0;
        while (true)
        {
            var token = Current;
            if (token.Is("."))
            {
                Advance();
                node = new PathNode(node, ReadName(), token.Position);
            }
            else if (token.Is("[") && !_suppressFilter)
            {
                Advance();
                var filter = ParseExpression();
                Expect("]");
                node = new FilterNode(node, filter, token.Position);
            }
            else if (token.Is("("))
            {
                Advance();
                node = new CallNode(node, ParseArguments(), token.Position);
            }
            else
            {
                _depth -= entered;
                return node;
            }

            Enter();
            entered++;
        }
    }

    private List<Argument> ParseArguments()
    {
        var arguments = new List<Argument>();
        if (Current.Is(")"))
        {
            Advance();
            return arguments;
        }

        do
        {
            string? name = null;
            if (NamedArgumentWords() is { } words)
            {
                name = string.Join(' ', _tokens.GetRange(_index, words).Select(t => t.Text));
                _index += words + 1;
            }

            arguments.Add(new Argument(name, ParseExpression()));
        }
        while (TrySkip(","));

        if (arguments.Exists(a => a.Name is null) && arguments.Exists(a => a.Name is not null))
        {
            throw new FeelException("Arguments must be all positional or all named", Current.Position);
        }

        Expect(")");
        return arguments;
    }

    // "name words :" at the cursor means a named argument; returns the number of words.
    private int? NamedArgumentWords()
    {
        var words = 0;
        while (Peek(words).Kind == TokenKind.Name)
        {
            words++;
        }

        return words > 0 && Peek(words).Is(":") ? words : null;
    }

    private Node ParseBracketed()
    {
        var open = Advance();
        if (open.Text == "[" && Current.Is("]"))
        {
            Advance();
            return new ListNode([], open.Position);
        }

        var first = ParseExpression();
        if (Current.Is(".."))
        {
            Advance();
            var saved = _suppressFilter;
            _suppressFilter = true;
            Enter();
            var end = ParseDisjunction();
            _depth--;
            _suppressFilter = saved;
            var close = Current;
            if (!(close.Is("]") || close.Is(")") || close.Is("[")))
            {
                throw new FeelException($"Expected ']', ')' or '[' to close the range but found {close.Describe()}", close.Position);
            }

            Advance();
            return new RangeNode(open.Text == "[", first, end, close.Text == "]", open.Position);
        }

        if (open.Text == "(")
        {
            Expect(")");
            return first;
        }

        if (open.Text == "]")
        {
            throw new FeelException("Expected '..' in a range", Current.Position);
        }

        var items = new List<Node> { first };
        while (TrySkip(","))
        {
            items.Add(ParseExpression());
        }

        Expect("]");
        return new ListNode(items, open.Position);
    }

    private ContextNode ParseContext()
    {
        var open = Advance();
        var entries = new List<ContextEntryNode>();
        if (TrySkip("}"))
        {
            return new ContextNode(entries, open.Position);
        }

        do
        {
            var key = Current.Kind == TokenKind.String ? Advance().Text : ReadContextKey();
            Expect(":");
            if (entries.Exists(e => e.Key == key))
            {
                throw new FeelException($"Duplicate context key '{key}'", Current.Position);
            }

            entries.Add(new ContextEntryNode(key, ParseExpression()));
        }
        while (TrySkip(","));

        Expect("}");
        return new ContextNode(entries, open.Position);
    }

    // A context key may be several words ("first name: ...") or any name-like word such as "if".
    private string ReadContextKey()
    {
        var words = NamedArgumentWords()
            ?? throw new FeelException($"Expected a context key but found {Current.Describe()}", Current.Position);
        var key = string.Join(' ', _tokens.GetRange(_index, words).Select(t => t.Text));
        _index += words;
        return key;
    }

    private bool TrySkip(string symbol)
    {
        if (!Current.Is(symbol))
        {
            return false;
        }

        Advance();
        return true;
    }
}
