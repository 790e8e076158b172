using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>Dossier search (<c>/workspace/dossiers</c>, H21) and the register (form 06) export.</summary>
public sealed class WorkspaceSearchTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    [Fact]
    public async Task Search_ByCodeFragmentAndStatus_FindsTheDossier()
    {
        var (id, code) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        var (_, otherCode) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, "/workspace/dossiers");

        await page.GetByLabel("Mã hồ sơ (một phần)").FillAsync(code[^4..]);
        await page.GetByLabel("Trạng thái").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();

        var results = page.GetByTestId("results");
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = code })).ToHaveAttributeAsync("href", $"/workspace/dossiers/{id:D}");
        await Assertions.Expect(results).Not.ToContainTextAsync(otherCode);
        await Assertions.Expect(results).ToContainTextAsync("Bùi Văn Khánh");
        await page.GotoAsync($"/workspace/dossiers?q={Uri.EscapeDataString(code[^4..])}&status=10");
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("Tìm thấy 0 hồ sơ.");
    }

    [Fact]
    public async Task Register_Export_DownloadsTheAgencysRegister()
    {
        await fixture.ReceivedCivilStatusCopyAsync("Vũ Văn Nam");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, "/workspace/dossiers");

        await page.GetByLabel("Định dạng").SelectOptionAsync("xlsx");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Xuất sổ theo dõi" }).ClickAsync());

        Assert.StartsWith($"so-theo-doi-{WorkspaceBrowserFixture.Ward}-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/workspace/dossiers?status=4", "Tra cứu hồ sơ", 1280, "workspace-search-vi-desktop")]
    [InlineData("/workspace/dossiers?status=4&culture=en", "Find dossiers", 1280, "workspace-search-en-desktop")]
    [InlineData("/workspace/dossiers?status=4", "Tra cứu hồ sơ", 375, "workspace-search-vi-375")]
    public async Task Search_HasNoWcag21AaViolations(string path, string heading, int width, string screenshot)
    {
        await fixture.ReceivedCivilStatusCopyAsync("Đặng Văn Phúc");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, path, width);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByTestId("results")).ToBeVisibleAsync();

        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }
}
