namespace PublicServicesBpm.Forms;

/// <summary>The codes of <see cref="FormProblem"/>: what is wrong with a form schema.</summary>
public static class FormProblemCodes
{
    /// <summary>The text is not JSON.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>The schema exceeds a size, nesting or component-count limit.</summary>
    public const string TooLarge = "too-large";

    /// <summary>The root is not a form-js form (<c>type</c> "default" with a <c>components</c> list).</summary>
    public const string NotAForm = "not-a-form";

    /// <summary>A component type form-js does not know.</summary>
    public const string UnknownType = "unknown-type";

    /// <summary>A form-js component type this system deliberately does not accept (iframe, table, document preview).</summary>
    public const string UnsupportedType = "unsupported-type";

    /// <summary>An input field without a key.</summary>
    public const string MissingKey = "missing-key";

    /// <summary>A key or path that is not a dot-separated list of word characters.</summary>
    public const string InvalidKey = "invalid-key";

    /// <summary>Two fields bind the same data path, or one binds inside another's value.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>Two components share an id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>A dynamic list without a path.</summary>
    public const string MissingPath = "missing-path";

    /// <summary>A property with a value of the wrong type or out of range.</summary>
    public const string InvalidProperty = "invalid-property";

    /// <summary>A validation rule that is malformed or not allowed on this component type.</summary>
    public const string InvalidRule = "invalid-rule";

    /// <summary>A minimum greater than the maximum (value or length).</summary>
    public const string MinGreaterThanMax = "min-greater-than-max";

    /// <summary>A regular expression that does not compile.</summary>
    public const string InvalidPattern = "invalid-pattern";

    /// <summary>A FEEL expression (<c>=...</c>) that does not parse.</summary>
    public const string InvalidFeel = "invalid-feel";

    /// <summary>Options that are neither a static list nor a valuesKey.</summary>
    public const string InvalidOptions = "invalid-options";

    /// <summary>A <c>properties.prefill</c> naming an unknown source or placed where it cannot apply.</summary>
    public const string InvalidPrefill = "invalid-prefill";
}
