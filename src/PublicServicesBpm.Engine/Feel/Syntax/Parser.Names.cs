using PublicServicesBpm.Engine.Feel.Builtins;

namespace PublicServicesBpm.Engine.Feel.Syntax;

internal sealed partial class Parser
{
    // Words that end a name: a name followed by one of these is complete ("a and b", "x in y").
    private static readonly HashSet<string> Keywords =
        ["and", "or", "in", "between", "instance", "then", "else", "return", "satisfies", "if", "for", "some", "every", "function", "true", "false", "null"];

    /// <summary>
    /// Reads a name. FEEL names may contain spaces. The parser cannot know the variables up front,
    /// so it joins words into the built-in names it knows ("string length", "date and time"), and
    /// otherwise joins adjacent words that are not keywords ("first name", "is empty"). A variable
    /// whose name contains a keyword ("terms and conditions") needs backticks.
    /// </summary>
    private string ReadName()
    {
        if (Current.Kind != TokenKind.Name)
        {
            throw new FeelException($"Expected a name but found {Current.Describe()}", Current.Position);
        }

        for (var words = BuiltinLibrary.MaxNameWords; words > 1; words--)
        {
            if (TryJoinWords(words) is { } joined && BuiltinLibrary.IsMultiWordName(joined))
            {
                _index += words;
                return joined;
            }
        }

        var name = Advance().Text;
        while (Current.Kind == TokenKind.Name && !Keywords.Contains(Current.Text))
        {
            name += " " + Advance().Text;
        }

        return name;
    }

    private string? TryJoinWords(int words)
    {
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            var token = Peek(i);
            if (token.Kind != TokenKind.Name || _index + i >= _tokens.Count - 1)
            {
                return null;
            }

            parts[i] = token.Text;
        }

        return string.Join(' ', parts);
    }
}
