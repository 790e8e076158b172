using System.Text.RegularExpressions;

namespace PublicServicesBpm.Forms;

/// <summary>The <c>validate</c> object of a form-js input, checked and compiled.</summary>
public sealed class FormValidationRules
{
    internal static FormValidationRules None { get; } = new();

    /// <summary>The field must have a value (form-js: not null, not "", not an empty list, not an unchecked checkbox).</summary>
    public bool Required { get; internal init; }

    /// <summary>A regular expression the text must contain a match of (form-js tests it unanchored).</summary>
    public string? Pattern { get; internal init; }

    /// <summary>The designer's message when the pattern does not match; shown in both languages' place of the default.</summary>
    public string? PatternErrorMessage { get; internal init; }

    /// <summary><c>email</c>, <c>phone</c>, or null.</summary>
    public string? ValidationType { get; internal init; }

    internal Regex? PatternRegex { get; init; }

    internal FormValue? Min { get; init; }

    internal FormValue? Max { get; init; }

    internal FormValue? MinLength { get; init; }

    internal FormValue? MaxLength { get; init; }
}
