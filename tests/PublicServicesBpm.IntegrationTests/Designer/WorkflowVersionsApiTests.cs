using System.Net;
using PublicServicesBpm.IntegrationTests.Identity;
using static PublicServicesBpm.IntegrationTests.Designer.DesignerApiFixture;

namespace PublicServicesBpm.IntegrationTests.Designer;

/// <summary>
/// The studio's list of a workflow's versions (who published each, how many dossiers run on it) and retiring a version
/// so that no new dossier starts on it (issue 7).
/// </summary>
public sealed class WorkflowVersionsApiTests(DesignerApiFixture fixture) : IClassFixture<DesignerApiFixture>
{
    [Fact]
    public async Task Versions_AfterPublishAndADossier_ListNewestFirstWithPublisherAndDossierCounts()
    {
        const string key = "dang-ky-ho-kinh-doanh";
        using var designer = await fixture.DesignerAsync();
        var version = await PublishWorkflowAsync(designer, key, StudioSamples.WithReceiveTaskNamed(ShippedWorkflow(key), "Tiếp nhận hồ sơ hộ kinh doanh"));
        await fixture.SubmitHouseholdBusinessDossierAsync("Đặng Văn Đếm");

        using var response = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/versions");

        var versions = (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal([version, version - 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(DesignerUserName, versions[0].GetProperty("deployedBy").GetString());
        Assert.Equal(1, versions[0].GetProperty("dossiers").GetInt32());
        Assert.Equal(1, versions[0].GetProperty("openDossiers").GetInt32());
        Assert.Equal("repository", versions[1].GetProperty("deployedBy").GetString());
        Assert.Equal(0, versions[1].GetProperty("dossiers").GetInt32());
        Assert.Equal(0, versions[1].GetProperty("openDossiers").GetInt32());
        Assert.All(versions, v => Assert.Null(v.GetProperty("retiredAt").GetString()));
    }

    [Fact]
    public async Task Retire_LatestVersion_SendsNewStartsToThePreviousUntilReinstatedAndKeepsTheLastActiveOne()
    {
        const string key = "cap-ban-sao-trich-luc-ho-tich";
        using var designer = await fixture.DesignerAsync();
        var latest = await PublishWorkflowAsync(designer, key, StudioSamples.WithReceiveTaskNamed(ShippedWorkflow(key), "Tiếp nhận yêu cầu cấp bản sao"));
        var previous = latest - 1;

        using var retire = await designer.PostAsync(new Uri($"/api/v1/designer/workflows/{key}/versions/{latest}/retire", UriKind.Relative), content: null);
        var (_, startedWhileRetired) = await StartInstanceAsync(designer, key);
        using var retiredShown = await GetAsync(designer, $"/api/v1/designer/workflows/{key}/published");
        using var retireLast = await designer.PostAsync(new Uri($"/api/v1/designer/workflows/{key}/versions/{previous}/retire", UriKind.Relative), content: null);
        using var reinstate = await designer.PostAsync(new Uri($"/api/v1/designer/workflows/{key}/versions/{latest}/reinstate", UriKind.Relative), content: null);
        var (_, startedAfterReinstating) = await StartInstanceAsync(designer, key);

        Assert.Equal(HttpStatusCode.NoContent, retire.StatusCode);
        Assert.Equal(previous, startedWhileRetired);
        Assert.True((await ApiAssert.JsonAsync(retiredShown, HttpStatusCode.OK)).GetProperty("retired").GetBoolean());
        await ApiAssert.ProblemAsync(retireLast, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, reinstate.StatusCode);
        Assert.Equal(latest, startedAfterReinstating);
        Assert.Equal(1, await fixture.AuditCountAsync("definition.retired", $"{key}:{latest}"));
        Assert.Equal(0, await fixture.AuditCountAsync("definition.retired", $"{key}:{previous}"));
        Assert.Equal(1, await fixture.AuditCountAsync("definition.reinstated", $"{key}:{latest}"));
    }

    [Fact]
    public async Task Retire_OnlyVersion_Returns409AndNewStartsStillWork()
    {
        const string key = "cap-giay-phep-xay-dung-nha-o";
        using var designer = await fixture.DesignerAsync();

        using var response = await designer.PostAsync(new Uri($"/api/v1/designer/workflows/{key}/versions/1/retire", UriKind.Relative), content: null);
        var (_, started) = await StartInstanceAsync(designer, key);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(1, started);
        Assert.Equal(0, await fixture.AuditCountAsync("definition.retired", $"{key}:1"));
    }

    [Theory]
    [InlineData("/api/v1/designer/workflows/dang-ky-khai-sinh/versions/99/retire")]
    [InlineData("/api/v1/designer/workflows/dang-ky-khai-sinh/versions/99/reinstate")]
    [InlineData("/api/v1/designer/workflows/khong-ton-tai/versions/1/retire")]
    public async Task Retire_UnknownVersion_Returns404(string path)
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await designer.PostAsync(new Uri(path, UriKind.Relative), content: null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Versions_UnknownKey_Returns404()
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await GetAsync(designer, "/api/v1/designer/workflows/khong-ton-tai/versions");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Retire_AsOfficerWithoutDesignerRole_Returns403AndRetiresNothing()
    {
        const string key = "cap-phieu-ly-lich-tu-phap";
        using var specialist = await fixture.SpecialistAsync();

        using var response = await specialist.PostAsync(new Uri($"/api/v1/designer/workflows/{key}/versions/1/retire", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await fixture.AuditCountAsync("definition.retired", $"{key}:1"));
    }
}
