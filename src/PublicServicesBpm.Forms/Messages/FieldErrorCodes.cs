namespace PublicServicesBpm.Forms;

/// <summary>The codes of <see cref="FieldError"/>: why a submitted value was refused.</summary>
public static class FieldErrorCodes
{
    /// <summary>A required field is empty (null, "", an empty list, or an unchecked checkbox).</summary>
    public const string Required = "required";

    /// <summary>A text does not match <c>validate.pattern</c>.</summary>
    public const string Pattern = "pattern";

    /// <summary>A number is below <c>validate.min</c>.</summary>
    public const string Min = "min";

    /// <summary>A number is above <c>validate.max</c>.</summary>
    public const string Max = "max";

    /// <summary>A text (trimmed) is shorter than <c>validate.minLength</c>.</summary>
    public const string MinLength = "min-length";

    /// <summary>A text (trimmed) is longer than <c>validate.maxLength</c>.</summary>
    public const string MaxLength = "max-length";

    /// <summary>A text is not an email address (form-js pattern).</summary>
    public const string Email = "email";

    /// <summary>A text is not an international phone number (form-js pattern).</summary>
    public const string Phone = "phone";

    /// <summary>A number field holds "NaN" or a text that is no number.</summary>
    public const string NotANumber = "not-a-number";

    /// <summary>A number field with <c>decimalDigits</c> 0 holds a fraction (code "integer", as form-js words it).</summary>
    public const string WholeNumber = "integer";

    /// <summary>A number has more decimal digits than <c>decimalDigits</c>.</summary>
    public const string DecimalDigits = "decimal-digits";

    /// <summary>A number is not a multiple of <c>increment</c>.</summary>
    public const string Increment = "increment";

    /// <summary>A select, radio, checklist or taglist value is not among the options.</summary>
    public const string NotAnOption = "not-an-option";

    /// <summary>The options of a <c>valuesKey</c> field are missing from the form's input data.</summary>
    public const string OptionsUnavailable = "options-unavailable";

    /// <summary>A value of the wrong JSON type for its component.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A submitted property that no component binds.</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>A date field value that is not YYYY-MM-DD.</summary>
    public const string InvalidDate = "invalid-date";

    /// <summary>A time field value not in the shape its serializing format gives.</summary>
    public const string InvalidTime = "invalid-time";

    /// <summary>A date-time field value not in the shape its serializing format gives.</summary>
    public const string InvalidDateTime = "invalid-datetime";

    /// <summary>A date before today with <c>disallowPassedDates</c>.</summary>
    public const string DateInPast = "date-in-past";

    /// <summary>A date before <c>properties.minDate</c>.</summary>
    public const string DateBeforeMin = "date-before-min";

    /// <summary>A date after <c>properties.maxDate</c>.</summary>
    public const string DateAfterMax = "date-after-max";

    /// <summary>A file field refers to an attachment that does not exist or is not the applicant's for this dossier.</summary>
    public const string AttachmentNotFound = "attachment-not-found";

    /// <summary>An attachment's type is not in the field's <c>accept</c> list.</summary>
    public const string AttachmentNotAccepted = "attachment-not-accepted";

    /// <summary>A file field that does not allow several files holds a list.</summary>
    public const string SingleFileExpected = "single-file-expected";

    /// <summary>A dynamic list with more items than the validator accepts.</summary>
    public const string TooManyItems = "too-many-items";
}
