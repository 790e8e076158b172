namespace PublicServicesBpm.Engine.Feel.Syntax;

internal enum TokenKind
{
    End,
    Number,
    String,
    Name,
    Symbol,
}
