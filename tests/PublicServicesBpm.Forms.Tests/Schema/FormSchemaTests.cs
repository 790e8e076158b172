using static PublicServicesBpm.Forms.Tests.FormTestSupport;

namespace PublicServicesBpm.Forms.Tests.Schema;

public sealed class FormSchemaTests
{
    [Fact]
    public void Parse_FormAsTheEditorSavesIt_ReadsEveryComponent()
    {
        var schema = ValidSchema("""
            [
              { "type": "text", "id": "Intro", "text": "# Tờ khai" },
              { "type": "textfield", "id": "Name", "key": "applicant.fullName", "label": "Họ và tên", "validate": { "required": true, "maxLength": 100 } },
              { "type": "group", "id": "Address", "path": "address", "components": [
                  { "type": "select", "id": "Province", "key": "province", "valuesKey": "provinces" },
                  { "type": "textfield", "id": "Street", "key": "street" } ] },
              { "type": "dynamiclist", "id": "Members", "path": "members", "isRepeating": true, "components": [
                  { "type": "textfield", "id": "MemberName", "key": "name" },
                  { "type": "datetime", "id": "MemberBirth", "key": "birthDate", "subtype": "date" } ] },
              { "type": "filepicker", "id": "Scan", "key": "scan", "accept": ".pdf", "multiple": true },
              { "type": "separator" }, { "type": "spacer", "height": 20 }, { "type": "button", "action": "submit", "label": "Nộp" }
            ]
            """);

        Assert.Equal("Form_1", schema.Id);
        Assert.Equal(18, schema.SchemaVersion);
        Assert.Equal(12, schema.AllComponents().Count());
        var members = schema.AllComponents().Single(c => c.Id == "Members");
        Assert.Equal(FormComponentKind.DynamicList, members.Kind);
        Assert.Equal(["name", "birthDate"], members.Components.Select(c => c.Key));
        Assert.Equal(100m, schema.AllComponents().Single(c => c.Id == "Name").Validate.MaxLength!.Number);
    }

    [Theory]
    [InlineData("not json", FormProblemCodes.InvalidJson)]
    [InlineData("[]", FormProblemCodes.NotAForm)]
    [InlineData("""{ "type": "other", "components": [] }""", FormProblemCodes.NotAForm)]
    [InlineData("""{ "type": "default" }""", FormProblemCodes.NotAForm)]
    public void Parse_NotAFormJsForm_IsRefused(string json, string code)
    {
        var result = FormSchema.Parse(json);

        Assert.Null(result.Schema);
        Assert.Equal(code, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Parse_UnknownComponentType_NamesTheComponent()
    {
        var problem = Assert.Single(Problems("""[ { "type": "textfield", "key": "a" }, { "type": "signature", "id": "Sig", "key": "sig" } ]"""));

        Assert.Equal(FormProblemCodes.UnknownType, problem.Code);
        Assert.Equal("components[1](id=Sig, key=sig)", problem.Location);
        Assert.Contains("signature", problem.MessageVi, StringComparison.Ordinal);
        Assert.Contains("not a form-js type", problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Iframe_IsRefusedWithTheReason()
    {
        var problem = Assert.Single(Problems("""[ { "type": "iframe", "url": "https://example.com" } ]"""));

        Assert.Equal(FormProblemCodes.UnsupportedType, problem.Code);
        Assert.Contains("external pages", problem.MessageEn, StringComparison.Ordinal);
        Assert.Contains("không nhúng", problem.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InputWithoutKey_IsRefused()
    {
        var problem = Assert.Single(Problems("""[ { "type": "number", "id": "Amount" } ]"""));

        Assert.Equal(FormProblemCodes.MissingKey, problem.Code);
        Assert.Equal("components[0](id=Amount)", problem.Location);
    }

    [Theory]
    [InlineData("""[ { "type": "textfield", "key": "name" }, { "type": "textarea", "key": "name" } ]""")]
    [InlineData("""[ { "type": "textfield", "key": "a" }, { "type": "textfield", "key": "a.b" } ]""")]
    [InlineData("""[ { "type": "textfield", "key": "a.b" }, { "type": "textfield", "key": "a" } ]""")]
    [InlineData("""[ { "type": "group", "path": "x", "components": [ { "type": "textfield", "key": "y" } ] }, { "type": "textfield", "key": "x.y" } ]""")]
    [InlineData("""[ { "type": "dynamiclist", "path": "m", "components": [ { "type": "textfield", "key": "n" } ] }, { "type": "textfield", "key": "m.n" } ]""")]
    public void Parse_OverlappingDataPaths_AreDuplicateKeys(string components)
    {
        var problem = Assert.Single(Problems(components));

        Assert.Equal(FormProblemCodes.DuplicateKey, problem.Code);
    }

    [Fact]
    public void Parse_SameKeyInDifferentScopes_IsAccepted()
    {
        var schema = ValidSchema("""
            [ { "type": "textfield", "key": "name" },
              { "type": "group", "path": "spouse", "components": [ { "type": "textfield", "key": "name" } ] },
              { "type": "dynamiclist", "path": "children", "components": [ { "type": "textfield", "key": "name" } ] },
              { "type": "group", "path": "spouse", "components": [ { "type": "textfield", "key": "job" } ] } ]
            """);

        Assert.Equal(4, schema.AllComponents().Count(c => c.Key is "name" or "job"));
    }

    [Fact]
    public void Parse_DuplicateId_IsRefused()
    {
        var problem = Assert.Single(Problems("""[ { "type": "textfield", "id": "F", "key": "a" }, { "type": "textfield", "id": "F", "key": "b" } ]"""));

        Assert.Equal(FormProblemCodes.DuplicateId, problem.Code);
    }

    [Theory]
    [InlineData("""{ "type": "number", "key": "n", "validate": { "min": 10, "max": 5 } }""", FormProblemCodes.MinGreaterThanMax)]
    [InlineData("""{ "type": "textfield", "key": "t", "validate": { "minLength": 10, "maxLength": 5 } }""", FormProblemCodes.MinGreaterThanMax)]
    [InlineData("""{ "type": "textfield", "key": "t", "validate": { "minLength": -1 } }""", FormProblemCodes.InvalidRule)]
    [InlineData("""{ "type": "textfield", "key": "t", "validate": { "pattern": "([a-z" } }""", FormProblemCodes.InvalidPattern)]
    [InlineData("""{ "type": "number", "key": "n", "validate": { "pattern": "^1" } }""", FormProblemCodes.InvalidRule)]
    [InlineData("""{ "type": "textarea", "key": "t", "validate": { "validationType": "email" } }""", FormProblemCodes.InvalidRule)]
    [InlineData("""{ "type": "textfield", "key": "t", "validate": { "validationType": "zip" } }""", FormProblemCodes.InvalidRule)]
    [InlineData("""{ "type": "textfield", "key": "t", "validate": { "required": "yes" } }""", FormProblemCodes.InvalidRule)]
    [InlineData("""{ "type": "textfield", "key": "t", "validate": { "patternErrorMessage": "Sai" } }""", FormProblemCodes.InvalidRule)]
    [InlineData("""{ "type": "text", "text": "x", "validate": { "required": true } }""", FormProblemCodes.InvalidRule)]
    public void Parse_UnsoundValidationRule_IsRefused(string component, string code)
    {
        var problem = Assert.Single(Problems($"[{component}]"));

        Assert.Equal(code, problem.Code);
    }

    [Theory]
    [InlineData("""{ "type": "textfield", "key": "t", "conditional": { "hide": "=age <" } }""", "conditional.hide")]
    [InlineData("""{ "type": "textfield", "key": "t", "label": "=if then" }""", "label")]
    [InlineData("""{ "type": "number", "key": "n", "validate": { "max": "=limit +" } }""", "validate.max")]
    [InlineData("""{ "type": "expression", "key": "e", "expression": "=a +* b", "computeOn": "change" }""", "expression")]
    public void Parse_BrokenFeel_IsRefusedWithThePropertyAndPosition(string component, string property)
    {
        var problem = Assert.Single(Problems($"[{component}]"), p => p.Code == FormProblemCodes.InvalidFeel);

        Assert.EndsWith(property, problem.Location, StringComparison.Ordinal);
        Assert.Contains("position", problem.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "textfield", "key": "t", "conditional": { "hide": true } }""")]
    [InlineData("""{ "type": "textfield", "key": "t", "conditional": { "hide": "age > 18" } }""")]
    public void Parse_HideConditionThatFormJsWouldIgnore_IsRefused(string component)
    {
        var problem = Assert.Single(Problems($"[{component}]"));

        Assert.Equal(FormProblemCodes.InvalidProperty, problem.Code);
    }

    [Theory]
    [InlineData("""{ "type": "select", "key": "s" }""")]
    [InlineData("""{ "type": "select", "key": "s", "values": [] }""")]
    [InlineData("""{ "type": "radio", "key": "s", "valuesExpression": "=[1, 2]" }""")]
    [InlineData("""{ "type": "checklist", "key": "s", "values": [ { "label": "A", "value": "" } ] }""")]
    [InlineData("""{ "type": "taglist", "key": "s", "valuesKey": "list", "values": [ { "label": "A", "value": "a" } ] }""")]
    [InlineData("""{ "type": "select", "key": "s", "valuesKey": "has space" }""")]
    public void Parse_OptionsNeitherStaticNorValuesKey_AreRefused(string component)
    {
        Assert.Contains(Problems($"[{component}]"), p => p.Code == FormProblemCodes.InvalidOptions);
    }

    [Fact]
    public void Parse_DynamicListWithoutPath_IsRefused()
    {
        var problem = Assert.Single(Problems("""[ { "type": "dynamiclist", "components": [ { "type": "textfield", "key": "a" } ] } ]"""));

        Assert.Equal(FormProblemCodes.MissingPath, problem.Code);
    }

    [Fact]
    public void Parse_InvalidKeyShape_IsRefused()
    {
        var problem = Assert.Single(Problems("""[ { "type": "textfield", "key": "họ tên" } ]"""));

        Assert.Equal(FormProblemCodes.InvalidKey, problem.Code);
    }

    [Fact]
    public void Parse_GroupsNestedTooDeep_AreRefused()
    {
        var json = """{ "type": "textfield", "key": "leaf" }""";
        for (var i = 0; i < FormSchema.MaxNesting + 1; i++)
        {
            json = $$"""{ "type": "group", "components": [ {{json}} ] }""";
        }

        Assert.Contains(Problems($"[{json}]"), p => p.Code == FormProblemCodes.TooLarge);
    }

    [Fact]
    public void Parse_TextLongerThanTheLimit_IsRefusedWithoutParsing()
    {
        var result = FormSchema.Parse(new string(' ', FormSchema.MaxLength + 1));

        Assert.Equal(FormProblemCodes.TooLarge, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReported()
    {
        var problems = Problems("""
            [ { "type": "textfield" }, { "type": "nope" }, { "type": "number", "key": "n", "validate": { "min": 3, "max": 1 } } ]
            """);

        Assert.Equal([FormProblemCodes.MissingKey, FormProblemCodes.UnknownType, FormProblemCodes.MinGreaterThanMax], problems.Select(p => p.Code));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.MessageVi) || string.IsNullOrWhiteSpace(p.MessageEn)));
    }

    [Theory]
    [InlineData("""{ "type": "textfield", "key": "t", "properties": { "prefill": "identity.shoeSize" } }""")]
    [InlineData("""{ "type": "filepicker", "key": "f", "properties": { "prefill": "previous" } }""")]
    [InlineData("""{ "type": "dynamiclist", "path": "m", "components": [ { "type": "textfield", "key": "n", "properties": { "prefill": "identity.fullName" } } ] }""")]
    [InlineData("""{ "type": "dynamiclist", "path": "m", "properties": { "prefill": "identity.fullName" }, "components": [] }""")]
    public void Parse_PrefillThatCannotApply_IsRefused(string component)
    {
        Assert.Contains(Problems($"[{component}]"), p => p.Code == FormProblemCodes.InvalidPrefill);
    }

    [Fact]
    public void Parse_PrefillSources_AreReadInOrder()
    {
        var schema = ValidSchema("""[ { "type": "textfield", "key": "phone", "properties": { "prefill": "previous, identity.phoneNumber" } } ]""");

        Assert.Equal(
            [new PrefillSource(PrefillSourceKind.Previous, null), new PrefillSource(PrefillSourceKind.Identity, IdentityFields.PhoneNumber)],
            schema.Components[0].Prefill);
    }
}
