using System.Globalization;
using System.Text;

namespace PublicServicesBpm.Engine.Feel.Syntax;

/// <summary>Splits FEEL text into tokens; every failure names the offending position.</summary>
internal static class Lexer
{
    // Longest first, so "**" wins over "*" and "..", "<=" over ".", "<".
    private static readonly string[] Symbols =
        ["**", "..", "<=", ">=", "!=", "+", "-", "*", "/", "=", "<", ">", "(", ")", "[", "]", "{", "}", ",", ".", ":", "@"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            i = SkipTrivia(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", text.Length));
                return tokens;
            }

            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c == '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (IsNameStart(c))
            {
                var start = i;
                while (i < text.Length && IsNamePart(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
            }
            else if (c == '`')
            {
                var end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new FeelException("Unterminated backtick name", i);
                }

                tokens.Add(new Token(TokenKind.Name, text[(i + 1)..end], i));
                i = end + 1;
            }
            else
            {
                var symbol = Array.Find(Symbols, s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                    ?? throw new FeelException($"Unexpected character '{c}'", i);
                tokens.Add(new Token(TokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
        }
    }

    private static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, "//", 0, 2) == 0)
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end;
            }
            else if (string.CompareOrdinal(text, i, "/*", 0, 2) == 0)
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? throw new FeelException("Unterminated comment", i) : end + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        // "1..5" is a range, not the number "1." followed by ".5".
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        var literal = text[start..i];
        if (!decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new FeelException($"Number '{literal}' is out of range", start);
        }

        return new Token(TokenKind.Number, literal, start);
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(ReadEscape(text, ref i));
            }
            else
            {
                value.Append(text[i++]);
            }
        }

        if (i >= text.Length)
        {
            throw new FeelException("Unterminated string literal", start);
        }

        i++;
        return new Token(TokenKind.String, value.ToString(), start);
    }

    private static string ReadEscape(string text, ref int i)
    {
        var c = text[i++];
        switch (c)
        {
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'u' when i + 4 <= text.Length && int.TryParse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                i += 4;
                return ((char)code).ToString();
            default: return c.ToString();
        }
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or '?' or '$';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '?' or '$' or '\'';
}
