using System.Globalization;
using System.Text.Json;

namespace PublicServicesBpm.Forms;

/// <summary>Number fields: decimal digits, increment, required, min and max, as form-js's Validator applies them.</summary>
internal static class NumberRules
{
    public static void Check(FieldCheck check)
    {
        var value = check.Value;
        decimal? number = null;
        if (value is not null && !FormJson.IsNullOrEmptyString(value))
        {
            if (FormJson.AsString(value) is { } text && (text == "NaN" || check.Component.SerializeToString))
            {
                // The browser writes "NaN" for unparseable input; with serializeToString the value is a numeric string.
                if (!FormJson.TryGetDecimal(value, allowNumericString: true, out var parsed))
                {
                    check.Fail(FieldErrorCodes.NotANumber);
                    return;
                }

                number = parsed;
            }
            else if (value.GetValueKind() != JsonValueKind.Number)
            {
                check.WrongType(ValueTypes.Number);
                return;
            }
            else if (FormJson.TryGetDecimal(value, allowNumericString: false, out var parsed))
            {
                number = parsed;
            }
            else
            {
                check.Fail(FieldErrorCodes.NotANumber);
                return;
            }
        }

        // form-js skips these for a falsy value, so 0 is never checked against digits or increment.
        if (number is { } n && n != 0)
        {
            CheckDigitsAndIncrement(check, n);
        }

        FieldRules.Required(check);
        if (number is { } actual)
        {
            if (check.Number(check.Rules.Min) is { } min && actual < min)
            {
                check.Fail(FieldErrorCodes.Min, Show(min));
            }

            if (check.Number(check.Rules.Max) is { } max && actual > max)
            {
                check.Fail(FieldErrorCodes.Max, Show(max));
            }
        }
    }

    private static void CheckDigitsAndIncrement(FieldCheck check, decimal number)
    {
        if (check.Component.DecimalDigits is { } digits && CountDecimals(number) > digits)
        {
            if (digits == 0)
            {
                check.Fail(FieldErrorCodes.WholeNumber);
            }
            else
            {
                check.Fail(FieldErrorCodes.DecimalDigits, digits);
            }
        }

        if (check.Component.Increment is { } increment)
        {
            // Big.js mod takes the sign of the dividend, as decimal's % does.
            var offset = number % increment;
            if (offset != 0)
            {
                var previous = number - offset;
                check.Fail(FieldErrorCodes.Increment, Show(previous), Show(previous + increment));
            }
        }
    }

    private static int CountDecimals(decimal number)
    {
        var text = Show(number);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    /// <summary>The shortest invariant text: trailing zeros after the point dropped, as Big.js prints.</summary>
    private static string Show(decimal number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
