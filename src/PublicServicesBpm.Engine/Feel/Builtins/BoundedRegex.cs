using System.Text.RegularExpressions;

namespace PublicServicesBpm.Engine.Feel.Builtins;

/// <summary>
/// Regular expressions for matches(), replace() and split(). Patterns come from expression
/// authors, so matching runs with the non-backtracking engine where the pattern allows it and
/// always under a timeout; a timeout is a bound violation, reported as <see cref="FeelException"/>.
/// </summary>
internal static class BoundedRegex
{
    public static bool IsMatch(string input, string pattern, string? flags, TimeSpan timeout) =>
        Run(() => Create(pattern, flags, timeout).IsMatch(input));

    public static string Replace(string input, string pattern, string replacement, string? flags, TimeSpan timeout) =>
        Run(() => Create(pattern, flags, timeout).Replace(input, replacement));

    public static string[] Split(string input, string pattern, TimeSpan timeout) =>
        Run(() => Create(pattern, "", timeout).Split(input));

    private static Regex Create(string pattern, string? flags, TimeSpan timeout)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in flags ?? throw new ArgumentException("Regular expression flags must be a string", nameof(flags)))
        {
            options |= flag switch
            {
                's' => RegexOptions.Singleline,
                'm' => RegexOptions.Multiline,
                'i' => RegexOptions.IgnoreCase,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => throw new ArgumentException($"Unknown regular expression flag '{flag}'", nameof(flags)),
            };
        }

        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, timeout);
        }
        catch (NotSupportedException)
        {
            // Back-references and similar constructs need the backtracking engine; the timeout still bounds it.
            return new Regex(pattern, options, timeout);
        }
    }

    private static T Run<T>(Func<T> match)
    {
        try
        {
            return match();
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new FeelException("A regular expression took longer than the allowed time", e);
        }
    }
}
