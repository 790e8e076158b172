using System.Text.Json.Nodes;
using static PublicServicesBpm.Forms.Tests.FormTestSupport;

namespace PublicServicesBpm.Forms.Tests.Validation;

/// <summary>Options, dates and files: values the server must check because the client may send anything.</summary>
public sealed class SelectionAndDateTests
{
    private const string Gender = """{ "type": "radio", "key": "gender", "values": [ { "label": "Nam", "value": "nam" }, { "label": "Nữ", "value": "nu" } ] }""";

    [Theory]
    [InlineData("\"nam\"", true)]
    [InlineData("\"khac\"", false)]
    [InlineData("1", false)]
    [InlineData("null", true)]
    public void Validate_RadioValue_MustBeAnOption(string value, bool valid)
    {
        var result = Validate(ValidSchema($"[{Gender}]"), $$"""{ "gender": {{value}} }""");

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(FieldErrorCodes.NotAnOption, e.Code));
    }

    [Fact]
    public void Validate_ChecklistValues_EachMustBeAnOptionAndRequiredMeansNonEmpty()
    {
        var schema = ValidSchema("""[ { "type": "checklist", "key": "docs", "validate": { "required": true }, "values": [ { "label": "CCCD", "value": "cccd" }, { "label": "Hộ chiếu", "value": "ho-chieu" } ] } ]""");

        Assert.True(Validate(schema, """{ "docs": ["cccd", "ho-chieu"] }""").IsValid);
        AssertCodes(Validate(schema, """{ "docs": ["cccd", "bang-lai"] }"""), "docs:not-an-option");
        AssertCodes(Validate(schema, """{ "docs": [] }"""), "docs:required");
        AssertCodes(Validate(schema, """{ "docs": "cccd" }"""), "docs:wrong-type");
    }

    [Fact]
    public void Validate_ValuesKeyOptions_ComeFromTheInitialDataOnly()
    {
        var schema = ValidSchema("""[ { "type": "select", "key": "province", "valuesKey": "provinces" } ]""");
        var context = new FormValidationContext { InitialData = Data("""{ "provinces": [ { "label": "Lào Cai", "value": "10" }, { "label": "Hà Nội", "value": "01" } ] }""") };

        Assert.True(Validate(schema, """{ "province": "10" }""", context).IsValid);
        AssertCodes(Validate(schema, """{ "province": "99" }""", context), "province:not-an-option");
        // Without initial data the options are unknown, and a list smuggled into the submission does not count.
        AssertCodes(Validate(schema, """{ "province": "99", "provinces": [ "99" ] }"""), "province:options-unavailable", "provinces:unknown-field");
    }

    [Theory]
    [InlineData("date", null, "2025-07-01", true)]
    [InlineData("date", null, "2025-02-30", false)]
    [InlineData("date", null, "01/07/2025", false)]
    [InlineData("time", null, "14:30", true)]
    [InlineData("time", null, "14:30+07:00", false)]
    [InlineData("time", "utc_offset", "14:30+07:00", true)]
    [InlineData("time", "utc_normalized", "07:30Z", true)]
    [InlineData("time", null, "24:00", false)]
    [InlineData("datetime", "utc_offset", "2025-07-01T14:30+07:00", true)]
    [InlineData("datetime", null, "2025-07-01 14:30", false)]
    public void Validate_DateTimeShape_FollowsSubtypeAndSerializingFormat(string subtype, string? format, string value, bool valid)
    {
        var formatJson = format is null ? string.Empty : $$""", "timeSerializingFormat": "{{format}}" """;
        var schema = ValidSchema($$"""[ { "type": "datetime", "key": "at", "subtype": "{{subtype}}"{{formatJson}} } ]""");

        Assert.Equal(valid, Validate(schema, $$"""{ "at": "{{value}}" }""").IsValid);
    }

    [Fact]
    public void Validate_DisallowPassedDates_ComparesWithTodayInVietnam()
    {
        var schema = ValidSchema("""[ { "type": "datetime", "key": "appointment", "subtype": "date", "disallowPassedDates": true } ]""");
        // 2025-07-01 20:00 UTC is already 2025-07-02 in Viet Nam (UTC+7).
        var context = new FormValidationContext { TimeProvider = new FixedClock(new DateTimeOffset(2025, 7, 1, 20, 0, 0, TimeSpan.Zero)) };

        AssertCodes(Validate(schema, """{ "appointment": "2025-07-01" }""", context), "appointment:date-in-past");
        Assert.True(Validate(schema, """{ "appointment": "2025-07-02" }""", context).IsValid);
    }

    [Fact]
    public void Validate_DateRangeFromProperties_IsEnforced()
    {
        var schema = ValidSchema("""[ { "type": "datetime", "key": "birth", "subtype": "date", "properties": { "minDate": "1900-01-01", "maxDate": "=today()" } } ]""");
        var context = new FormValidationContext { TimeProvider = new FixedClock(new DateTimeOffset(2025, 7, 1, 3, 0, 0, TimeSpan.Zero)) };

        AssertCodes(Validate(schema, """{ "birth": "2025-07-02" }""", context), "birth:date-after-max");
        AssertCodes(Validate(schema, """{ "birth": "1899-12-31" }""", context), "birth:date-before-min");
        Assert.True(Validate(schema, """{ "birth": "2025-07-01" }""", context).IsValid);
    }

    [Fact]
    public void Validate_FileField_RefersToAttachmentsOfTheDossier()
    {
        var schema = ValidSchema("""[ { "type": "filepicker", "key": "scan", "accept": ".pdf,image/*", "multiple": true, "validate": { "required": true } } ]""");
        var context = new FormValidationContext
        {
            Attachments = new FormAttachmentSet([new FormAttachment("a1", "giay-khai-sinh.pdf", "application/pdf"), new FormAttachment("a2", "anh.jpg", "image/jpeg"), new FormAttachment("a3", "ghi-chu.docx", "application/msword")]),
        };

        Assert.True(Validate(schema, """{ "scan": ["a1", "a2"] }""", context).IsValid);
        AssertCodes(Validate(schema, """{ "scan": ["a1", "x9"] }""", context), "scan:attachment-not-found");
        AssertCodes(Validate(schema, """{ "scan": ["a3"] }""", context), "scan:attachment-not-accepted");
        AssertCodes(Validate(schema, """{ "scan": [] }""", context), "scan:required");
        AssertCodes(Validate(schema, """{ "scan": 5 }""", context), "scan:wrong-type");
        AssertCodes(Validate(schema, """{ "scan": "a1" }"""), "scan:attachment-not-found");
    }

    [Fact]
    public void Validate_SingleFileField_RefusesAList()
    {
        var schema = ValidSchema("""[ { "type": "filepicker", "key": "scan" } ]""");
        var context = new FormValidationContext { Attachments = new FormAttachmentSet([new FormAttachment("a1", "a.pdf", "application/pdf"), new FormAttachment("a2", "b.pdf", "application/pdf")]) };

        Assert.True(Validate(schema, """{ "scan": "a1" }""", context).IsValid);
        AssertCodes(Validate(schema, """{ "scan": ["a1", "a2"] }""", context), "scan:single-file-expected");
    }

    [Fact]
    public void Validate_CleanedData_KeepsValidValuesAsSubmitted()
    {
        var schema = ValidSchema($"[{Gender}]");

        var result = Validate(schema, """{ "gender": "nu" }""");

        Assert.True(JsonNode.DeepEquals(Data("""{ "gender": "nu" }"""), result.CleanedData));
    }
}
