namespace PublicServicesBpm.Engine.Feel.Syntax;

/// <summary>One lexical token. Keywords are names; the parser decides where they are keywords.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool Is(string symbolOrName) =>
        (Kind is TokenKind.Symbol or TokenKind.Name) && Text == symbolOrName;

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => "string literal",
        _ => $"'{Text}'",
    };
}
