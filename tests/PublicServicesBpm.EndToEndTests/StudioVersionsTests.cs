using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// The studio's versions page (its own database: it publishes a version 2 the designer test does not expect):
/// retiring a version sends new dossiers back to the latest one still in use; retiring the last is refused.
/// </summary>
public sealed class StudioVersionsTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    private const string Key = "cap-ban-sao-trich-luc-ho-tich";

    [Fact]
    public async Task VersionsPage_RetireVersion2_NewDossiersGoToVersion1AndTheLastActiveCannotBeRetired()
    {
        var designer = await TestOfficers.CreateAsync(fixture.Host, "thiet-ke-phien-ban", "Mai Thu Trang", OfficerRole.ProcedureDesigner, WorkspaceBrowserFixture.Ward);
        Assert.Equal(2, await PublishChangedCopyAsync(designer));
        var (onTwo, _) = await fixture.ReceivedCivilStatusCopyAsync("Vi Văn Thắng");
        Assert.Equal(2, await StudioTests.VersionOfAsync(fixture, onTwo));

        var (page, violations) = await StudioTests.OpenWatchingCspAsync(fixture, designer, $"/studio/workflows/{Key}/versions");
        var versions = page.GetByTestId("studio-versions");
        await Assertions.Expect(versions.Locator("tr[data-version='2']")).ToContainTextAsync("Đang dùng cho hồ sơ mới");
        await Assertions.Expect(versions.Locator("tr[data-version='2']")).ToContainTextAsync("1 hồ sơ, 1 đang xử lý");
        await Assertions.Expect(versions.Locator("tr[data-version='1']")).ToContainTextAsync("0 hồ sơ, 0 đang xử lý");

        await versions.GetByRole(AriaRole.Button, new() { Name = "Ngừng dùng phiên bản 2 cho hồ sơ mới" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("saved=retired$"));
        await Assertions.Expect(page.GetByTestId("studio-saved")).ToHaveTextAsync("Đã ngừng dùng phiên bản cho hồ sơ mới. Hồ sơ đang xử lý theo phiên bản đó vẫn tiếp tục.");
        await Assertions.Expect(versions.Locator("tr[data-version='2']")).ToContainTextAsync("Ngừng dùng từ");
        await Assertions.Expect(versions.Locator("tr[data-version='1']")).ToContainTextAsync("Đang dùng cho hồ sơ mới");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-versions-retired-vi");

        var (onOne, _) = await fixture.ReceivedCivilStatusCopyAsync("Sầm Thị Nhung");
        Assert.Equal(1, await StudioTests.VersionOfAsync(fixture, onOne));
        Assert.Equal(2, await StudioTests.VersionOfAsync(fixture, onTwo));

        await versions.GetByRole(AriaRole.Button, new() { Name = "Ngừng dùng phiên bản 1 cho hồ sơ mới" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("studio-error")).ToHaveTextAsync(
            "Không thể ngừng dùng phiên bản 1: đây là phiên bản duy nhất còn nhận hồ sơ mới. Hãy xuất bản hoặc dùng lại một phiên bản khác trước.");
        Assert.Null(await fixture.QueryAsync(db => db.ProcessDefinitionVersions.Where(v => v.Key == Key && v.Version == 1).Select(v => v.RetiredAt).SingleAsync()));
        await Assertions.Expect(versions.Locator("tr[data-version='1']")).ToContainTextAsync("Đang dùng cho hồ sơ mới");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-versions-last-active-vi");
        Assert.Empty(await violations());
    }

    /// <summary>Publishes, through the designer API, version 1 with one changed text (the same content would not make a new version).</summary>
    private async Task<int> PublishChangedCopyAsync(Guid designer)
    {
        using var client = await fixture.ClientAsync(designer);
        var published = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/designer/workflows/{Key}/published", UriKind.Relative), WorkspaceBrowserFixture.Json);
        Assert.Equal(1, published.GetProperty("version").GetInt32());
        var xml = published.GetProperty("xml").GetString()!.Replace("Trả kết quả\"", "Trả kết quả cho người nộp\"", StringComparison.Ordinal);
        using var saved = await client.PutAsJsonAsync(new Uri($"/api/v1/designer/workflows/{Key}/draft", UriKind.Relative), new { xml, baseVersion = 1, revision = 0 }, WorkspaceBrowserFixture.Json);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var revision = (await saved.Content.ReadFromJsonAsync<JsonElement>(WorkspaceBrowserFixture.Json)).GetProperty("revision").GetInt32();
        using var publish = await client.PostAsJsonAsync(new Uri($"/api/v1/designer/workflows/{Key}/draft/publish", UriKind.Relative), new { revision }, WorkspaceBrowserFixture.Json);
        Assert.True(publish.StatusCode == HttpStatusCode.Created, await publish.Content.ReadAsStringAsync());
        return (await publish.Content.ReadFromJsonAsync<JsonElement>(WorkspaceBrowserFixture.Json)).GetProperty("version").GetInt32();
    }
}
