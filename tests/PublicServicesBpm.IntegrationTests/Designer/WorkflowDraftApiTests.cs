using System.Net;
using PublicServicesBpm.IntegrationTests.Identity;
using static PublicServicesBpm.IntegrationTests.Designer.DesignerApiFixture;

namespace PublicServicesBpm.IntegrationTests.Designer;

/// <summary>
/// The studio's workflow drafts over HTTP (issue 7): autosave with the server validator's findings, revisions that
/// refuse a save from an older one, reading the draft back, discarding it, and who may do any of it.
/// </summary>
public sealed class WorkflowDraftApiTests(DesignerApiFixture fixture) : IClassFixture<DesignerApiFixture>
{
    [Fact]
    public async Task GetDraft_WhenNoneWasSaved_Returns404Problem()
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await GetAsync(designer, "/api/v1/designer/workflows/cap-giay-phep-xay-dung-nha-o/draft");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SaveDraft_ShippedWorkflowWithUnconnectedTask_SavesRevisionOneNamingTheTaskAndReadsBackTheSame()
    {
        const string key = "dang-ky-ho-kinh-doanh";
        using var designer = await fixture.DesignerAsync();
        var xml = StudioSamples.WithUnconnectedTask(ShippedWorkflow(key));

        var saved = await SaveWorkflowDraftAsync(designer, key, xml);
        using var read = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");

        Assert.Equal(1, saved.GetProperty("revision").GetInt32());
        Assert.Equal(DesignerUserName, saved.GetProperty("updatedBy").GetString());
        var problems = saved.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("elementId").GetString() == StudioSamples.UnconnectedTaskId).ToList();
        Assert.Contains(problems, p => p.GetProperty("code").GetString() == "unreachable");
        Assert.All(problems, p =>
        {
            Assert.Equal("userTask", p.GetProperty("elementType").GetString());
            Assert.Equal("error", p.GetProperty("severity").GetString());
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString()));
        });
        var draft = await ApiAssert.JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal(key, draft.GetProperty("key").GetString());
        Assert.Equal(xml, draft.GetProperty("xml").GetString());
        Assert.Equal(1, draft.GetProperty("revision").GetInt32());
        Assert.Contains(draft.GetProperty("problems").EnumerateArray(), p => p.GetProperty("elementId").GetString() == StudioSamples.UnconnectedTaskId);
    }

    [Fact]
    public async Task SaveDraft_FromAnOlderRevision_Returns409WithTheCurrentRevisionAndKeepsTheNewerSave()
    {
        const string key = "cap-ban-sao-trich-luc-ho-tich";
        using var designer = await fixture.DesignerAsync();
        using var colleague = await fixture.DesignerAsync();
        var shipped = ShippedWorkflow(key);
        var first = StudioSamples.WithReceiveTaskNamed(shipped, "Tiếp nhận hồ sơ (bản 1)");
        var stale = StudioSamples.WithReceiveTaskNamed(shipped, "Tiếp nhận hồ sơ (bản cũ)");
        var second = StudioSamples.WithReceiveTaskNamed(shipped, "Tiếp nhận hồ sơ (bản 2)");

        var saved = await SaveWorkflowDraftAsync(designer, key, first);
        using var conflict = await PutWorkflowDraftAsync(colleague, key, stale, revision: 0);
        var problem = await ApiAssert.ProblemAsync(conflict, HttpStatusCode.Conflict);
        var next = await SaveWorkflowDraftAsync(designer, key, second, revision: 1);
        using var read = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");

        Assert.Equal(1, saved.GetProperty("revision").GetInt32());
        Assert.DoesNotContain(saved.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "error");
        Assert.Equal(1, problem.GetProperty("currentRevision").GetInt32());
        Assert.Equal(2, next.GetProperty("revision").GetInt32());
        var draft = await ApiAssert.JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal(2, draft.GetProperty("revision").GetInt32());
        Assert.Equal(second, draft.GetProperty("xml").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task SaveDraft_ConcurrentSavesFromOneRevision_OneWinsAndTheOthersGet409(int startRevision)
    {
        var key = $"ban-nhap-dong-thoi-{startRevision}";
        var shipped = StudioSamples.WithProcessId(ShippedWorkflow("dang-ky-khai-sinh"), "dang-ky-khai-sinh", key);
        using var designer = await fixture.DesignerAsync();
        if (startRevision == 1)
        {
            await SaveWorkflowDraftAsync(designer, key, shipped);
        }
        var versions = Enumerable.Range(1, 4).Select(i => StudioSamples.WithReceiveTaskNamed(shipped, $"Tiếp nhận (người thứ {i})")).ToList();

        var responses = await Task.WhenAll(versions.Select(xml => PutWorkflowDraftAsync(designer, key, xml, startRevision)));
        using var read = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");

        try
        {
            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(responses.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            foreach (var loser in responses.Where(r => r != winner))
            {
                Assert.Equal(startRevision + 1, (await ApiAssert.ProblemAsync(loser, HttpStatusCode.Conflict)).GetProperty("currentRevision").GetInt32());
            }
            var draft = await ApiAssert.JsonAsync(read, HttpStatusCode.OK);
            Assert.Equal(startRevision + 1, draft.GetProperty("revision").GetInt32());
            Assert.Equal(versions[Array.IndexOf(responses, winner)], draft.GetProperty("xml").GetString());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task SaveDraft_ProcessIdNoLongerTheKey_ReportsProcessKeyProblem()
    {
        const string key = "dang-ky-khai-sinh";
        using var designer = await fixture.DesignerAsync();

        var saved = await SaveWorkflowDraftAsync(designer, key, StudioSamples.WithProcessId(ShippedWorkflow(key), key, "dang-ky-khai-sinh-moi"));

        var problem = Assert.Single(saved.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "process-key");
        Assert.Equal("error", problem.GetProperty("severity").GetString());
        Assert.Contains(key, problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SaveDraft_EmptyOrMissingXml_Returns400AndStoresNothing(string? xml)
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await PutWorkflowDraftAsync(designer, "ban-nhap-rong", xml, revision: 0);
        using var read = await GetAsync(designer, "/api/v1/designer/workflows/ban-nhap-rong/draft");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(read, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ban-nhap-hong", "<bpmn:definitions><khong-dong", "xml-malformed")]
    [InlineData("ban-nhap-dtd", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>", "xml-dtd")]
    public async Task SaveDraft_UnreadableXml_IsKeptAndMarkedUnreadable(string key, string xml, string code)
    {
        // The server keeps whatever the editor sends (work is never thrown away) and says it cannot be read as a diagram.
        using var designer = await fixture.DesignerAsync();

        using var response = await PutWorkflowDraftAsync(designer, key, xml, revision: 0);
        using var read = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");

        var saved = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("X-Draft-Unreadable")));
        Assert.Contains(saved.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == code);
        Assert.Equal(xml, (await ApiAssert.JsonAsync(read, HttpStatusCode.OK)).GetProperty("xml").GetString());
    }

    [Fact]
    public async Task SaveDraft_LargerThanTwoMegabytes_Returns413()
    {
        using var designer = await fixture.DesignerAsync();
        var xml = "<x>" + new string('a', 2 * 1024 * 1024) + "</x>";

        using var response = await PutWorkflowDraftAsync(designer, "ban-nhap-qua-lon", xml, revision: 0);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("1-bat-dau-bang-so")]
    [InlineData("-gach-dau")]
    [InlineData("co%20dau%20cach")]
    [InlineData("ky-tu-la!")]
    public async Task Draft_BadKey_Returns400(string key)
    {
        using var designer = await fixture.DesignerAsync();

        using var read = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");
        using var save = await PutWorkflowDraftAsync(designer, key, ShippedWorkflow("dang-ky-khai-sinh"), revision: 0);
        using var publish = await PublishAsync(designer, "workflows", key, revision: 1);

        await ApiAssert.ProblemAsync(read, HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(save, HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(publish, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DiscardDraft_Saved_Returns204ThenTheDraftIsGone()
    {
        const string key = "cap-phieu-ly-lich-tu-phap";
        using var designer = await fixture.DesignerAsync();
        await SaveWorkflowDraftAsync(designer, key, ShippedWorkflow(key));

        using var discard = await designer.DeleteAsync(new Uri($"/api/v1/designer/workflows/{key}/draft", UriKind.Relative));
        using var read = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/draft");
        using var again = await designer.DeleteAsync(new Uri($"/api/v1/designer/workflows/{key}/draft", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, discard.StatusCode);
        await ApiAssert.ProblemAsync(read, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Draft_NotSignedIn_Returns401()
    {
        using var anonymous = fixture.Anonymous();

        using var read = await GetAsync(anonymous, "/api/v1/designer/workflows/dang-ky-ho-kinh-doanh/draft");
        using var save = await PutWorkflowDraftAsync(anonymous, "khach-vang-lai", ShippedWorkflow("dang-ky-khai-sinh"), revision: 0);

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, save.StatusCode);
    }

    [Fact]
    public async Task Draft_OfficerWithoutDesignerRole_Returns403AndStoresNothing()
    {
        using var specialist = await fixture.SpecialistAsync();
        using var designer = await fixture.DesignerAsync();

        using var read = await GetAsync(specialist, "/api/v1/designer/workflows/dang-ky-ho-kinh-doanh/draft");
        using var save = await PutWorkflowDraftAsync(specialist, "chuyen-vien-sua", ShippedWorkflow("dang-ky-khai-sinh"), revision: 0);
        using var options = await GetAsync(specialist, "/api/v1/designer/options");
        using var stored = await GetAsync(designer, "/api/v1/designer/workflows/chuyen-vien-sua/draft");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, options.StatusCode);
        await ApiAssert.ProblemAsync(stored, HttpStatusCode.NotFound);
    }
}
