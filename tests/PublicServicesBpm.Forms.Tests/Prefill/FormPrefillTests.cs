using System.Text.Json.Nodes;
using static PublicServicesBpm.Forms.Tests.FormTestSupport;

namespace PublicServicesBpm.Forms.Tests.Prefill;

public sealed class FormPrefillTests
{
    private static readonly Dictionary<string, string?> Citizen = new()
    {
        [IdentityFields.FullName] = "Nguyễn Văn An",
        [IdentityFields.PersonalIdNumber] = "010203004567",
        [IdentityFields.BirthDate] = "1990-05-17",
        [IdentityFields.PhoneNumber] = null,
        [IdentityFields.Gender] = "nam",
    };

    [Fact]
    public void Build_IdentitySources_FillTheNamedFieldsOnly()
    {
        var schema = ValidSchema("""
            [ { "type": "group", "path": "applicant", "components": [
                { "type": "textfield", "key": "name", "properties": { "prefill": "identity.fullName" } },
                { "type": "textfield", "key": "idNumber", "properties": { "prefill": "identity.personalIdNumber" } },
                { "type": "datetime", "key": "birthDate", "subtype": "date", "properties": { "prefill": "identity.birthDate" } },
                { "type": "radio", "key": "gender", "values": [ { "label": "Nam", "value": "nam" }, { "label": "Nữ", "value": "nu" } ], "properties": { "prefill": "identity.gender" } },
                { "type": "textfield", "key": "phone", "properties": { "prefill": "identity.phoneNumber" } },
                { "type": "textfield", "key": "nickname" } ] } ]
            """);

        var data = FormPrefill.Build(schema, Citizen, previousData: null);

        Assert.True(JsonNode.DeepEquals(
            Data("""{ "applicant": { "name": "Nguyễn Văn An", "idNumber": "010203004567", "birthDate": "1990-05-17", "gender": "nam" } }"""),
            data));
    }

    [Fact]
    public void Build_PreviousSource_CopiesTheEarlierValueWhenItFits()
    {
        var schema = ValidSchema("""
            [ { "type": "textfield", "key": "address", "properties": { "prefill": "previous" } },
              { "type": "number", "key": "area", "properties": { "prefill": "previous" } },
              { "type": "dynamiclist", "path": "members", "properties": { "prefill": "previous" }, "components": [ { "type": "textfield", "key": "name" } ] },
              { "type": "textfield", "key": "reason" } ]
            """);
        var previous = Data("""{ "address": "Phường Cam Đường", "area": "not a number", "members": [ { "name": "A" } ], "reason": "old" }""");

        var data = FormPrefill.Build(schema, new Dictionary<string, string?>(), previous);

        Assert.True(JsonNode.DeepEquals(Data("""{ "address": "Phường Cam Đường", "members": [ { "name": "A" } ] }"""), data));
    }

    [Fact]
    public void Build_SeveralSources_TakesTheFirstThatHasAValue()
    {
        var schema = ValidSchema("""
            [ { "type": "textfield", "key": "phone", "properties": { "prefill": "identity.phoneNumber, previous" } },
              { "type": "textfield", "key": "name", "properties": { "prefill": "previous, identity.fullName" } } ]
            """);

        var data = FormPrefill.Build(schema, Citizen, Data("""{ "phone": "+84912345678" }"""));

        Assert.True(JsonNode.DeepEquals(Data("""{ "phone": "+84912345678", "name": "Nguyễn Văn An" }"""), data));
    }

    [Fact]
    public void Build_IdentityValueThatDoesNotFitTheField_IsSkipped()
    {
        var schema = ValidSchema("""
            [ { "type": "radio", "key": "gender", "values": [ { "label": "Nam", "value": "M" } ], "properties": { "prefill": "identity.gender" } },
              { "type": "datetime", "key": "at", "subtype": "time", "properties": { "prefill": "identity.birthDate" } } ]
            """);

        Assert.Empty(FormPrefill.Build(schema, Citizen, null));
    }
}
