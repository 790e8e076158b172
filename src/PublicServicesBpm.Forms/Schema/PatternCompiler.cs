using System.Text.RegularExpressions;

namespace PublicServicesBpm.Forms;

/// <summary>
/// Compiles the regular expressions of <c>validate.pattern</c> so that they behave as the browser's
/// <c>new RegExp(pattern).test(value)</c>: ECMAScript semantics (<c>\d</c> and <c>\w</c> are ASCII),
/// unanchored unless the pattern anchors itself, and always under a timeout so that a designer's
/// catastrophic pattern cannot stall the server.
/// </summary>
internal static class PatternCompiler
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Compiles the pattern, or returns null with the reason it does not compile.</summary>
    public static Regex? TryCompile(string pattern, out string? error)
    {
        error = null;
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            // .NET's ECMAScript mode refuses some constructs JavaScript accepts (e.g. Unicode classes);
            // the ordinary engine accepts them with nearly the same meaning.
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }
}
