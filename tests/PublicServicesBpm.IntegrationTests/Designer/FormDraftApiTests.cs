using System.Net;
using System.Text.Json.Nodes;
using PublicServicesBpm.IntegrationTests.Identity;
using static PublicServicesBpm.IntegrationTests.Designer.DesignerApiFixture;

namespace PublicServicesBpm.IntegrationTests.Designer;

/// <summary>
/// The studio's form drafts (issue 7): saved with the schema checker's findings, published as the form's next version,
/// and a schema some version already has answering that version instead of storing it twice.
/// </summary>
public sealed class FormDraftApiTests(DesignerApiFixture fixture) : IClassFixture<DesignerApiFixture>
{
    [Fact]
    public async Task SaveDraft_InputWithoutKey_Returns200WithTheProblemAndReadsItBack()
    {
        const string formKey = "y-kien-tham-dinh";
        using var designer = await fixture.DesignerAsync();
        var schema = ShippedForm(formKey);
        Assert.Equal("field-yKien", (string?)Components(schema)[2]!["id"]);
        Components(schema)[2]!.AsObject().Remove("key");

        using var response = await PutFormDraftAsync(designer, formKey, schema, revision: 0, baseVersion: 1);
        using var read = await GetAsync(designer, $"/api/v1/designer/forms/{formKey}/draft");

        var saved = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(1, saved.GetProperty("revision").GetInt32());
        var problem = Assert.Single(saved.GetProperty("problems").EnumerateArray());
        Assert.Equal("components[2](id=field-yKien)", problem.GetProperty("location").GetString());
        Assert.Equal("missing-key", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("message").GetString()));
        var draft = await ApiAssert.JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal(1, draft.GetProperty("baseVersion").GetInt32());
        Assert.Equal("missing-key", Assert.Single(draft.GetProperty("problems").EnumerateArray()).GetProperty("code").GetString());
        Assert.True(JsonNode.DeepEquals(schema, JsonNode.Parse(draft.GetProperty("schema").GetRawText())));
    }

    [Fact]
    public async Task Publish_ChangedLabel_Returns201NextVersionAndRemovesTheDraft()
    {
        const string formKey = "ly-do-tu-choi";
        using var designer = await fixture.DesignerAsync();
        var schema = ShippedForm(formKey);
        Components(schema)[2]!["label"] = "Lý do từ chối (ghi rõ căn cứ)";
        var revision = await SaveFormDraftAsync(designer, formKey, schema);

        using var response = await PublishAsync(designer, "forms", formKey, revision);
        using var draft = await GetAsync(designer, $"/api/v1/designer/forms/{formKey}/draft");
        using var published = await GetAsync(designer, $"/api/v1/designer/forms/{formKey}/published");

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(formKey, body.GetProperty("formKey").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        await ApiAssert.ProblemAsync(draft, HttpStatusCode.NotFound);
        var latest = await ApiAssert.JsonAsync(published, HttpStatusCode.OK);
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal("Lý do từ chối (ghi rõ căn cứ)", latest.GetProperty("schema").GetProperty("components")[2].GetProperty("label").GetString());
        Assert.Equal([1, 2], await fixture.StoredFormVersionsAsync(formKey));
    }

    [Fact]
    public async Task Publish_SchemaOfAnEarlierStudioVersion_Returns200WithThatVersion()
    {
        const string formKey = "bien-ban-kiem-tra-thuc-dia";
        using var designer = await fixture.DesignerAsync();
        var first = ShippedForm(formKey);
        Components(first)[4]!["label"] = "Mô tả hiện trạng (bản A)";
        var second = ShippedForm(formKey);
        Components(second)[4]!["label"] = "Mô tả hiện trạng (bản B)";

        var a = await PublishFormAsync(designer, formKey, first);
        var b = await PublishFormAsync(designer, formKey, second);
        var revision = await SaveFormDraftAsync(designer, formKey, first);
        using var again = await PublishAsync(designer, "forms", formKey, revision);

        Assert.Equal((HttpStatusCode.Created, 2), a);
        Assert.Equal((HttpStatusCode.Created, 3), b);
        Assert.Equal(2, (await ApiAssert.JsonAsync(again, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Equal([1, 2, 3], await fixture.StoredFormVersionsAsync(formKey));
    }

    [Fact]
    public async Task Publish_ShippedSchemaUnchanged_Returns200WithVersionOne()
    {
        // What the editor sends when a designer opens the published form and publishes it without a change.
        const string formKey = "yeu-cau-bo-sung-ho-so";
        using var designer = await fixture.DesignerAsync();
        using var published = await GetAsync(designer, $"/api/v1/designer/forms/{formKey}/published");
        var schema = JsonNode.Parse((await ApiAssert.JsonAsync(published, HttpStatusCode.OK)).GetProperty("schema").GetRawText())!;
        var revision = await SaveFormDraftAsync(designer, formKey, schema);

        using var response = await PublishAsync(designer, "forms", formKey, revision);

        Assert.Equal(1, (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Equal([1], await fixture.StoredFormVersionsAsync(formKey));
    }

    [Fact]
    public async Task Publish_InvalidSchema_Returns422WithProblemsAndKeepsTheDraft()
    {
        const string formKey = "to-khai-ly-lich-tu-phap";
        using var designer = await fixture.DesignerAsync();
        var schema = ShippedForm(formKey);
        Components(schema)[2]!.AsObject().Remove("key");
        var revision = await SaveFormDraftAsync(designer, formKey, schema);

        using var response = await PublishAsync(designer, "forms", formKey, revision);
        using var draft = await GetAsync(designer, $"/api/v1/designer/forms/{formKey}/draft");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var found = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("missing-key", found.GetProperty("code").GetString());
        Assert.StartsWith("components[2]", found.GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.Equal(revision, (await ApiAssert.JsonAsync(draft, HttpStatusCode.OK)).GetProperty("revision").GetInt32());
        Assert.Equal([1], await fixture.StoredFormVersionsAsync(formKey));
    }

    [Fact]
    public async Task SaveDraft_FromAnOlderRevision_Returns409WithTheCurrentRevision()
    {
        const string formKey = "to-khai-dang-ky-khai-sinh";
        using var designer = await fixture.DesignerAsync();
        await SaveFormDraftAsync(designer, formKey, ShippedForm(formKey));

        using var response = await PutFormDraftAsync(designer, formKey, ShippedForm(formKey), revision: 0);

        Assert.Equal(1, (await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("currentRevision").GetInt32());
    }

    [Theory]
    [InlineData("Y-Kien-Tham-Dinh")]
    [InlineData("-y-kien")]
    [InlineData("y_kien")]
    public async Task Draft_BadFormKey_Returns400(string formKey)
    {
        using var designer = await fixture.DesignerAsync();

        using var read = await GetAsync(designer, $"/api/v1/designer/forms/{formKey}/draft");
        using var save = await PutFormDraftAsync(designer, formKey, ShippedForm("y-kien-tham-dinh"), revision: 0);

        await ApiAssert.ProblemAsync(read, HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(save, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SaveDraft_WithoutSchema_Returns400()
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await PutFormDraftAsync(designer, "bieu-mau-rong", schema: null, revision: 0);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static JsonArray Components(JsonNode schema) => schema["components"]!.AsArray();

    private static async Task<int> SaveFormDraftAsync(HttpClient designer, string formKey, JsonNode schema)
    {
        using var response = await PutFormDraftAsync(designer, formKey, schema, revision: 0);
        var saved = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.DoesNotContain(saved.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() != "missing-key");
        return saved.GetProperty("revision").GetInt32();
    }

    private static async Task<(HttpStatusCode Status, int Version)> PublishFormAsync(HttpClient designer, string formKey, JsonNode schema)
    {
        var revision = await SaveFormDraftAsync(designer, formKey, schema);
        using var response = await PublishAsync(designer, "forms", formKey, revision);
        var body = await ApiAssert.JsonAsync(response, response.StatusCode);
        return (response.StatusCode, body.GetProperty("version").GetInt32());
    }
}
