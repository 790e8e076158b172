using static PublicServicesBpm.Forms.Tests.FormTestSupport;

namespace PublicServicesBpm.Forms.Tests.Validation;

/// <summary>Each rule of form-js's Validator, applied on the server.</summary>
public sealed class FieldRuleTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "name": null }""")]
    [InlineData("""{ "name": "" }""")]
    public void Validate_RequiredTextEmpty_IsRequiredError(string submission)
    {
        var schema = ValidSchema("""[ { "type": "textfield", "id": "Name", "key": "name", "validate": { "required": true } } ]""");

        var error = Single(Validate(schema, submission), "name");

        Assert.Equal(FieldErrorCodes.Required, error.Code);
        Assert.Equal("Trường này là bắt buộc.", error.MessageVi);
        Assert.Equal("Field is required.", error.MessageEn);
        Assert.Equal("Name", error.ComponentId);
    }

    [Fact]
    public void Validate_RequiredWhitespaceText_PassesAsInTheBrowser()
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "name", "validate": { "required": true } } ]""");

        Assert.True(Validate(schema, """{ "name": "  " }""").IsValid);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void Validate_RequiredCheckbox_MustBeChecked(string value, bool valid)
    {
        var schema = ValidSchema("""[ { "type": "checkbox", "key": "agree", "validate": { "required": true } } ]""");

        Assert.Equal(valid, Validate(schema, $$"""{ "agree": {{value}} }""").IsValid);
    }

    [Theory]
    [InlineData("abc123", true)]
    [InlineData("x-123-y", true)]
    [InlineData("abc", false)]
    public void Validate_Pattern_IsTestedUnanchoredLikeRegExpTest(string value, bool valid)
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "code", "validate": { "pattern": "[0-9]{3}" } } ]""");

        Assert.Equal(valid, Validate(schema, $$"""{ "code": "{{value}}" }""").IsValid);
    }

    [Fact]
    public void Validate_PatternDigitClass_IsAsciiAsInJavaScript()
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "code", "validate": { "pattern": "^\\d+$" } } ]""");

        Assert.False(Validate(schema, """{ "code": "١٢٣" }""").IsValid);
        Assert.True(Validate(schema, """{ "code": "123" }""").IsValid);
    }

    [Fact]
    public void Validate_PatternWithDesignerMessage_UsesThatMessage()
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "id", "validate": { "pattern": "^[0-9]{12}$", "patternErrorMessage": "Số định danh gồm 12 chữ số." } } ]""");

        var error = Single(Validate(schema, """{ "id": "123" }"""), "id");

        Assert.Equal(FieldErrorCodes.Pattern, error.Code);
        Assert.Equal("Số định danh gồm 12 chữ số.", error.MessageVi);
    }

    [Theory]
    [InlineData("  ab  ", FieldErrorCodes.MinLength)]
    [InlineData("abcdefg", FieldErrorCodes.MaxLength)]
    public void Validate_Length_CountsTheTrimmedText(string value, string code)
    {
        var schema = ValidSchema("""[ { "type": "textarea", "key": "t", "validate": { "minLength": 3, "maxLength": 6 } } ]""");

        Assert.Equal(code, Single(Validate(schema, $$"""{ "t": "{{value}}" }"""), "t").Code);
    }

    [Fact]
    public void Validate_LengthFromFeel_IsEvaluatedOnTheData()
    {
        var schema = ValidSchema("""[ { "type": "number", "key": "limit" }, { "type": "textfield", "key": "t", "validate": { "maxLength": "=limit" } } ]""");

        Assert.False(Validate(schema, """{ "limit": 2, "t": "abc" }""").IsValid);
        Assert.True(Validate(schema, """{ "limit": 3, "t": "abc" }""").IsValid);
    }

    [Theory]
    [InlineData("cong.dan@example.vn", true)]
    [InlineData("cong.dan@", false)]
    [InlineData("công@example.vn", false)]
    public void Validate_Email_UsesTheFormJsPattern(string value, bool valid)
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "email", "validate": { "validationType": "email" } } ]""");

        Assert.Equal(valid, Validate(schema, $$"""{ "email": "{{value}}" }""").IsValid);
    }

    [Theory]
    [InlineData("+84912345678", true)]
    [InlineData("0084912345678", true)]
    [InlineData("0912345678", false)]
    public void Validate_Phone_UsesTheFormJsInternationalPattern(string value, bool valid)
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "phone", "validate": { "validationType": "phone" } } ]""");

        var result = Validate(schema, $$"""{ "phone": "{{value}}" }""");

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(FieldErrorCodes.Phone, e.Code));
    }

    [Theory]
    [InlineData("4", FieldErrorCodes.Min)]
    [InlineData("101", FieldErrorCodes.Max)]
    [InlineData("\"12\"", FieldErrorCodes.WrongType)]
    [InlineData("\"NaN\"", FieldErrorCodes.NotANumber)]
    [InlineData("12.5", FieldErrorCodes.WholeNumber)]
    public void Validate_NumberRules_AreApplied(string value, string code)
    {
        var schema = ValidSchema("""[ { "type": "number", "key": "n", "decimalDigits": 0, "validate": { "min": 5, "max": 100 } } ]""");

        Assert.Equal(code, Single(Validate(schema, $$"""{ "n": {{value}} }"""), "n").Code);
    }

    [Theory]
    [InlineData("15", true)]
    [InlineData("-10", true)]
    [InlineData("13", false)]
    public void Validate_Increment_AcceptsMultiplesOnly(string value, bool valid)
    {
        var schema = ValidSchema("""[ { "type": "number", "key": "n", "increment": 5 } ]""");

        Assert.Equal(valid, Validate(schema, $$"""{ "n": {{value}} }""").IsValid);
    }

    [Fact]
    public void Validate_IncrementError_NamesTheNearestValidValues()
    {
        var schema = ValidSchema("""[ { "type": "number", "key": "n", "increment": "0.5" } ]""");

        var error = Single(Validate(schema, """{ "n": 1.2 }"""), "n");

        Assert.Contains("1 và 1.5", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains("1 and 1.5", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NumberSerializedAsString_AcceptsNumericText()
    {
        var schema = ValidSchema("""[ { "type": "number", "key": "n", "serializeToString": true, "decimalDigits": 2 } ]""");

        Assert.True(Validate(schema, """{ "n": "12345678901234567890.25" }""").IsValid);
        Assert.Equal(FieldErrorCodes.DecimalDigits, Single(Validate(schema, """{ "n": "1.255" }"""), "n").Code);
        Assert.Equal(FieldErrorCodes.NotANumber, Single(Validate(schema, """{ "n": "abc" }"""), "n").Code);
    }

    [Fact]
    public void Validate_ZeroNumber_SkipsDigitRulesButNotMin()
    {
        var schema = ValidSchema("""[ { "type": "number", "key": "n", "increment": 7, "validate": { "min": 1 } } ]""");

        AssertCodes(Validate(schema, """{ "n": 0 }"""), "n:min");
    }
}
