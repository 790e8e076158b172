using System.Text.Json.Nodes;
using static PublicServicesBpm.Forms.Tests.FormTestSupport;

namespace PublicServicesBpm.Forms.Tests.Validation;

/// <summary>Conditions, groups, dynamic lists, unknown and wrongly typed data.</summary>
public sealed class VisibilityAndStructureTests
{
    private const string Authorised = """
        [ { "type": "checkbox", "key": "byProxy" },
          { "type": "textfield", "id": "Proxy", "key": "proxyName", "validate": { "required": true }, "conditional": { "hide": "=byProxy != true" } } ]
        """;

    [Fact]
    public void Validate_HiddenRequiredField_IsNotRequiredAndItsValueIsDiscarded()
    {
        var result = Validate(ValidSchema(Authorised), """{ "byProxy": false, "proxyName": "Nguyễn Văn A" }""");

        Assert.True(result.IsValid);
        Assert.True(JsonNode.DeepEquals(Data("""{ "byProxy": false }"""), result.CleanedData));
    }

    [Fact]
    public void Validate_VisibleRequiredField_IsRequired()
    {
        var result = Validate(ValidSchema(Authorised), """{ "byProxy": true }""");

        AssertCodes(result, "proxyName:required");
    }

    [Fact]
    public void Validate_ConditionOnMissingData_HidesAsFormJsUnaryTestDoes()
    {
        // "age < 18" with no age is null, and form-js's unary test counts null as a match: the field is hidden.
        var schema = ValidSchema("""[ { "type": "number", "key": "age" }, { "type": "textfield", "key": "guardian", "validate": { "required": true }, "conditional": { "hide": "=age >= 18" } } ]""");

        Assert.True(Validate(schema, "{}").IsValid);
        AssertCodes(Validate(schema, """{ "age": 10 }"""), "guardian:required");
    }

    [Fact]
    public void Validate_ConditionSeesInitialData_UnderTheSubmission()
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "note", "validate": { "required": true }, "conditional": { "hide": "=channel != \"online\"" } } ]""");

        AssertCodes(Validate(schema, "{}", new FormValidationContext { InitialData = Data("""{ "channel": "online" }""") }), "note:required");
        Assert.True(Validate(schema, "{}", new FormValidationContext { InitialData = Data("""{ "channel": "counter" }""") }).IsValid);
    }

    [Fact]
    public void Validate_HiddenGroup_HidesEverythingInside()
    {
        var schema = ValidSchema("""
            [ { "type": "checkbox", "key": "married" },
              { "type": "group", "path": "spouse", "conditional": { "hide": "=not(married)" }, "components": [
                  { "type": "textfield", "key": "name", "validate": { "required": true } },
                  { "type": "group", "components": [ { "type": "textfield", "key": "idNumber", "validate": { "required": true } } ] } ] } ]
            """);

        var hidden = Validate(schema, """{ "married": false, "spouse": { "name": "x" } }""");
        var shown = Validate(schema, """{ "married": true, "spouse": { "name": "Trần Thị B" } }""");

        Assert.True(hidden.IsValid);
        Assert.True(JsonNode.DeepEquals(Data("""{ "married": false }"""), hidden.CleanedData));
        AssertCodes(shown, "spouse.idNumber:required");
    }

    [Fact]
    public void Validate_DynamicList_ChecksEachItemWithItsOwnPath()
    {
        var schema = ValidSchema("""
            [ { "type": "dynamiclist", "path": "members", "components": [
                { "type": "textfield", "key": "name", "validate": { "required": true } },
                { "type": "group", "path": "contact", "components": [ { "type": "textfield", "key": "email", "validate": { "validationType": "email" } } ] } ] } ]
            """);

        var result = Validate(schema, """{ "members": [ { "name": "A" }, { "name": "B", "contact": { "email": "bad" } }, { "name": "" } ] }""");

        AssertCodes(result, "members[1].contact.email:email", "members[2].name:required");
    }

    [Fact]
    public void Validate_ConditionInsideDynamicList_SeesTheItemAsThis()
    {
        var schema = ValidSchema("""
            [ { "type": "dynamiclist", "path": "children", "components": [
                { "type": "number", "key": "age" },
                { "type": "textfield", "key": "school", "validate": { "required": true }, "conditional": { "hide": "=this.age < 6" } } ] } ]
            """);

        var result = Validate(schema, """{ "children": [ { "age": 4, "school": "dropped" }, { "age": 8 } ] }""");

        AssertCodes(result, "children[1].school:required");
        Assert.True(JsonNode.DeepEquals(Data("""{ "children": [ { "age": 4 }, { "age": 8 } ] }"""), result.CleanedData));
    }

    [Fact]
    public void Validate_HiddenDynamicList_IsDiscardedWhole()
    {
        var schema = ValidSchema("""
            [ { "type": "checkbox", "key": "hasChildren" },
              { "type": "dynamiclist", "path": "children", "conditional": { "hide": "=hasChildren = false" }, "components": [ { "type": "textfield", "key": "name", "validate": { "required": true } } ] } ]
            """);

        var result = Validate(schema, """{ "hasChildren": false, "children": [ {}, {} ] }""");

        Assert.True(result.IsValid);
        Assert.False(result.CleanedData.ContainsKey("children"));
    }

    [Fact]
    public void Validate_ChainedConditions_UseTheFilteredData()
    {
        // b is hidden by a; c depends on b's value, which the browser filters out because b is hidden.
        var schema = ValidSchema("""
            [ { "type": "checkbox", "key": "a" },
              { "type": "textfield", "key": "b", "conditional": { "hide": "=a = false" } },
              { "type": "textfield", "key": "c", "validate": { "required": true }, "conditional": { "hide": "=b != \"x\"" } } ]
            """);

        Assert.True(Validate(schema, """{ "a": false, "b": "x" }""").IsValid);
        AssertCodes(Validate(schema, """{ "a": true, "b": "x" }"""), "c:required");
    }

    [Fact]
    public void Validate_UnknownAndWronglyShapedProperties_AreErrors()
    {
        var schema = ValidSchema("""
            [ { "type": "textfield", "key": "applicant.name" },
              { "type": "dynamiclist", "path": "members", "components": [ { "type": "textfield", "key": "name" } ] } ]
            """);

        var result = Validate(schema, """{ "applicant": { "name": "A", "extra": 1 }, "isAdmin": true, "members": [ { "name": "x", "age": 3 }, 5 ] }""");

        AssertCodes(result, "applicant.extra:unknown-field", "isAdmin:unknown-field", "members[0].age:unknown-field", "members[1]:wrong-type");
        Assert.True(JsonNode.DeepEquals(Data("""{ "applicant": { "name": "A" }, "members": [ { "name": "x" } ] }"""), result.CleanedData));
    }

    [Theory]
    [InlineData("textfield", "12", "text")]
    [InlineData("textfield", "[\"a\"]", "text")]
    [InlineData("checkbox", "\"true\"", "true or false")]
    [InlineData("datetime", "20250701", "text")]
    [InlineData("number", "true", "number")]
    public void Validate_WronglyTypedValue_IsAWrongTypeErrorInBothLanguages(string type, string value, string expectedEn)
    {
        var schema = ValidSchema($$"""[ { "type": "{{type}}", "key": "v" } ]""");

        var error = Single(Validate(schema, $$"""{ "v": {{value}} }"""), "v");

        Assert.Equal(FieldErrorCodes.WrongType, error.Code);
        Assert.Contains(expectedEn, error.MessageEn, StringComparison.Ordinal);
        Assert.StartsWith("Giá trị phải là", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GroupPathHoldingAScalar_IsWrongType()
    {
        var schema = ValidSchema("""[ { "type": "group", "path": "address", "components": [ { "type": "textfield", "key": "street" } ] } ]""");

        AssertCodes(Validate(schema, """{ "address": "12 Hoàng Liên" }"""), "address:wrong-type");
    }

    [Fact]
    public void Validate_DisabledField_IsNeitherCheckedNorKept()
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "code", "disabled": true, "validate": { "required": true } } ]""");

        var result = Validate(schema, """{ "code": "typed anyway" }""");

        Assert.True(result.IsValid);
        Assert.Empty(result.CleanedData);
    }

    [Fact]
    public void Validate_ExpressionField_IsComputedOnTheServer()
    {
        var schema = ValidSchema("""
            [ { "type": "number", "key": "copies" }, { "type": "number", "key": "price" },
              { "type": "expression", "key": "total", "expression": "=copies * price", "computeOn": "presubmit" } ]
            """);

        var result = Validate(schema, """{ "copies": 3, "price": 8000, "total": 1 }""");

        Assert.True(result.IsValid);
        Assert.Equal(24000m, result.CleanedData["total"]!.GetValue<decimal>());
    }

    [Fact]
    public void Validate_TooManyListItems_IsAnError()
    {
        var schema = ValidSchema("""[ { "type": "dynamiclist", "path": "rows", "components": [ { "type": "textfield", "key": "v" } ] } ]""");

        var result = Validate(schema, """{ "rows": [ {}, {}, {} ] }""", new FormValidationContext { MaxListItems = 2 });

        AssertCodes(result, "rows:too-many-items");
    }

    [Fact]
    public void Validate_DoesNotModifyTheSubmission()
    {
        var submission = Data("""{ "byProxy": false, "proxyName": "x" }""");
        var copy = submission.DeepClone();

        FormSubmissionValidator.Validate(ValidSchema(Authorised), submission, new FormValidationContext());

        Assert.True(JsonNode.DeepEquals(copy, submission));
    }
}
