using System.Text.RegularExpressions;

namespace PublicServicesBpm.Forms;

/// <summary>Text fields: pattern, required, length, email and phone, exactly as form-js tests them.</summary>
internal static class TextRules
{
    // The email and phone patterns of form-js's Validator (form-js 1.23), reproduced so that the server
    // accepts exactly what the browser accepts. Note that the phone pattern is not anchored at the start
    // and wants an international prefix (+84...); forms for local numbers use a custom pattern instead.
    private static readonly Regex Email = new(
        @"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
        RegexOptions.ECMAScript | RegexOptions.CultureInvariant, PatternCompiler.MatchTimeout);

    private static readonly Regex Phone = new(
        @"(\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\d|8[987530]\d|6[987]\d|5[90]\d|42\d|3[875]\d|2[98654321]\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\d{4,20}$",
        RegexOptions.ECMAScript | RegexOptions.CultureInvariant, PatternCompiler.MatchTimeout);

    public static void Check(FieldCheck check)
    {
        if (check.Value is not null && FormJson.AsString(check.Value) is null)
        {
            check.WrongType(ValueTypes.Text);
            return;
        }

        var text = FormJson.AsString(check.Value) ?? string.Empty;
        var rules = check.Rules;
        if (rules.PatternRegex is { } pattern && text.Length > 0 && !Matches(pattern, text))
        {
            if (rules.PatternErrorMessage is { } message)
            {
                // The designer's own message replaces the default in both languages, as in the browser.
                check.Fail(new FieldError(check.PathText, FieldErrorCodes.Pattern, message, message, check.Component.Id));
            }
            else
            {
                check.Fail(FieldErrorCodes.Pattern, rules.Pattern);
            }
        }

        FieldRules.Required(check);
        var length = JavaScriptTrim(text).Length;
        if (text.Length > 0 && check.Number(rules.MinLength) is { } minLength && length < minLength)
        {
            check.Fail(FieldErrorCodes.MinLength, minLength);
        }

        if (text.Length > 0 && check.Number(rules.MaxLength) is { } maxLength && length > maxLength)
        {
            check.Fail(FieldErrorCodes.MaxLength, maxLength);
        }

        if (text.Length > 0 && rules.ValidationType == "phone" && !Matches(Phone, text))
        {
            check.Fail(FieldErrorCodes.Phone);
        }

        if (text.Length > 0 && rules.ValidationType == "email" && !Matches(Email, text))
        {
            check.Fail(FieldErrorCodes.Email);
        }
    }

    /// <summary>A match that takes too long counts as no match: the value is refused, the server keeps going.</summary>
    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>JavaScript's String.prototype.trim also removes the byte-order mark, which .NET's Trim keeps.</summary>
    private static string JavaScriptTrim(string text) => text.Trim().Trim('\uFEFF').Trim();
}
