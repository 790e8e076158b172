using System.Net;
using PublicServicesBpm.IntegrationTests.Identity;
using static PublicServicesBpm.IntegrationTests.Designer.DesignerApiFixture;

namespace PublicServicesBpm.IntegrationTests.Designer;

/// <summary>
/// Publishing a workflow draft from the studio (issue 7): deployed through the engine as the next version, new dossiers
/// start on it while running ones stay where they are, and the repository's unchanged file does not push it aside
/// when the host starts again.
/// </summary>
public sealed class WorkflowPublishApiTests(DesignerApiFixture fixture) : IClassFixture<DesignerApiFixture>
{
    [Fact]
    public async Task Publish_InvalidDraft_Returns422WithProblemsAndKeepsTheDraft()
    {
        const string key = "dang-ky-khai-sinh";
        using var designer = await fixture.DesignerAsync();
        var xml = StudioSamples.WithUnconnectedTask(ShippedWorkflow(key));
        var saved = await SaveWorkflowDraftAsync(designer, key, xml);

        using var response = await PublishAsync(designer, "workflows", key, saved.GetProperty("revision").GetInt32());
        using var read = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(), p => p.GetProperty("elementId").GetString() == StudioSamples.UnconnectedTaskId);
        var draft = await ApiAssert.JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal(xml, draft.GetProperty("xml").GetString());
        Assert.Equal([1], await fixture.StoredVersionsAsync(key));
    }

    [Fact]
    public async Task Publish_RenamedTask_CreatesTheNextVersionForNewDossiersWhileRunningOnesStay()
    {
        const string key = "dang-ky-ho-kinh-doanh";
        using var designer = await fixture.DesignerAsync();
        using var before = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/published");
        var latest = (await ApiAssert.JsonAsync(before, HttpStatusCode.OK)).GetProperty("version").GetInt32();
        var runningBefore = await fixture.SubmitHouseholdBusinessDossierAsync("Trịnh Văn Trước");
        var xml = StudioSamples.WithReceiveTaskNamed(ShippedWorkflow(key), "Tiếp nhận và kiểm tra hồ sơ đăng ký");
        var saved = await SaveWorkflowDraftAsync(designer, key, xml);

        using var response = await PublishAsync(designer, "workflows", key, saved.GetProperty("revision").GetInt32());
        using var draftAfter = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");
        using var publishedAfter = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/published");
        var startedAfter = await fixture.SubmitHouseholdBusinessDossierAsync("Lý Thị Sau");

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(key, body.GetProperty("key").GetString());
        Assert.Equal(latest + 1, body.GetProperty("version").GetInt32());
        await ApiAssert.ProblemAsync(draftAfter, HttpStatusCode.NotFound);
        var published = await ApiAssert.JsonAsync(publishedAfter, HttpStatusCode.OK);
        Assert.Equal(latest + 1, published.GetProperty("version").GetInt32());
        Assert.False(published.GetProperty("retired").GetBoolean());
        Assert.Contains("Tiếp nhận và kiểm tra hồ sơ đăng ký", published.GetProperty("xml").GetString(), StringComparison.Ordinal);
        Assert.Equal(latest, await InstanceVersionAsync(designer, runningBefore));
        Assert.Equal(latest + 1, await InstanceVersionAsync(designer, startedAfter));
        Assert.Equal(1, await fixture.AuditCountAsync("definition.deployed", $"{key}:{latest + 1}"));
    }

    [Fact]
    public async Task Publish_StaleRevision_Returns409AndPublishesNothing()
    {
        const string key = "cap-ban-sao-trich-luc-ho-tich";
        using var designer = await fixture.DesignerAsync();
        var shipped = ShippedWorkflow(key);
        await SaveWorkflowDraftAsync(designer, key, StudioSamples.WithReceiveTaskNamed(shipped, "Tiếp nhận (lần 1)"));
        await SaveWorkflowDraftAsync(designer, key, StudioSamples.WithReceiveTaskNamed(shipped, "Tiếp nhận (lần 2)"), revision: 1);

        using var response = await PublishAsync(designer, "workflows", key, revision: 1);
        using var read = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(2, problem.GetProperty("currentRevision").GetInt32());
        Assert.Equal(2, (await ApiAssert.JsonAsync(read, HttpStatusCode.OK)).GetProperty("revision").GetInt32());
        Assert.Equal([1], await fixture.StoredVersionsAsync(key));
    }

    [Fact]
    public async Task Publish_WithoutDraft_Returns404()
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await PublishAsync(designer, "workflows", "cap-giay-phep-xay-dung-nha-o", revision: 1);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal([1], await fixture.StoredVersionsAsync("cap-giay-phep-xay-dung-nha-o"));
    }

    [Fact]
    public async Task Publish_ShippedWorkflowUnchanged_Returns200WithVersionOneAndRemovesTheDraft()
    {
        const string key = "cap-giay-phep-xay-dung-nha-o";
        using var designer = await fixture.DesignerAsync();
        var saved = await SaveWorkflowDraftAsync(designer, key, ShippedWorkflow(key));

        using var response = await PublishAsync(designer, "workflows", key, saved.GetProperty("revision").GetInt32());
        using var draft = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");

        Assert.Equal(1, (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        await ApiAssert.ProblemAsync(draft, HttpStatusCode.NotFound);
        Assert.Equal([1], await fixture.StoredVersionsAsync(key));
    }

    [Fact]
    public async Task DeployRepository_AfterTheStudioPublishedVersionTwo_KeepsVersionTwoTheLatest()
    {
        // The host deploys workflows/ at every start; the unchanged file is version 1's content, not a new version 3.
        const string key = "cap-phieu-ly-lich-tu-phap";
        using var designer = await fixture.DesignerAsync();
        var version = await PublishWorkflowAsync(designer, key, StudioSamples.WithReceiveTaskNamed(ShippedWorkflow(key), "Tiếp nhận tờ khai lý lịch tư pháp"));

        await fixture.DeployRepositoryAsync();
        using var published = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/published");

        Assert.Equal(2, version);
        Assert.Equal([1, 2], await fixture.StoredVersionsAsync(key));
        var latest = await ApiAssert.JsonAsync(published, HttpStatusCode.OK);
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Contains("Tiếp nhận tờ khai lý lịch tư pháp", latest.GetProperty("xml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_NeverPublishedKey_Returns404()
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await GetAsync(designer, "/api/v1/designer/workflows/quy-trinh-moi-hoan-toan/published");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
