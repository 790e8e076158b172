using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>The dossier page of the workspace (<c>/workspace/dossiers/{id}</c>).</summary>
public sealed class WorkspaceDossierTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    [Fact]
    public async Task DossierPage_ShowsDataFilesStepsHistoryAndSlips()
    {
        var (id, code) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Hồ sơ {code}");
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");
        await Assertions.Expect(page.GetByTestId("dossier-summary")).ToContainTextAsync("Bùi Văn Khánh");
        await Assertions.Expect(page.GetByTestId("open-steps")).ToContainTextAsync("Tra cứu sổ hộ tịch, dự thảo bản sao trích lục");
        await Assertions.Expect(page.GetByTestId("timeline").GetByRole(AriaRole.Listitem)).Not.ToHaveCountAsync(0);

        var file = page.GetByTestId("components").GetByRole(AriaRole.Link, new() { Name = "to-khai.pdf", Exact = true });
        var download = await page.APIRequest.GetAsync((await file.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await download.BodyAsync())[..4], StringComparison.Ordinal);
        var slip = page.GetByTestId("slips").GetByRole(AriaRole.Link, new() { Name = "Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả" });
        var pdf = await page.APIRequest.GetAsync((await slip.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        await Assertions.Expect(page.GetByTestId("slips").GetByRole(AriaRole.Link, new() { Name = "Mẫu 03 — Phiếu từ chối tiếp nhận, giải quyết hồ sơ" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DossierPage_PostMessage_ShowsItAndStoresIt()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        var page = await fixture.SignedInPageAsync(fixture.OneStopId, $"/workspace/dossiers/{id:D}");

        await page.GetByLabel("Nội dung tin nhắn").FillAsync("Mời bà mang bản chính giấy tờ tùy thân khi nhận kết quả.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi tin nhắn" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã gửi tin nhắn." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Mời bà mang bản chính giấy tờ tùy thân khi nhận kết quả.");
        var stored = await fixture.QueryAsync(db => db.DossierMessages.Where(m => m.DossierId == id).Select(m => m.Body).ToListAsync());
        Assert.Equal(["Mời bà mang bản chính giấy tờ tùy thân khi nhận kết quả."], stored);
    }

    [Fact]
    public async Task DossierPage_EmptyMessage_ShowsErrorSummaryAndStoresNothing()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Vũ Văn Nam");
        var page = await fixture.SignedInPageAsync(fixture.OneStopId, $"/workspace/dossiers/{id:D}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi tin nhắn" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Nội dung tin nhắn")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, await fixture.QueryAsync(db => db.DossierMessages.CountAsync(m => m.DossierId == id)));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task DossierPage_UnknownDossier_SaysNotFound()
    {
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{Guid.NewGuid():D}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy hồ sơ");
    }

    [Theory]
    [InlineData("", "Hồ sơ", 1280, "workspace-dossier-vi-desktop")]
    [InlineData("?culture=en", "Dossier", 1280, "workspace-dossier-en-desktop")]
    [InlineData("", "Hồ sơ", 375, "workspace-dossier-vi-375")]
    public async Task DossierPage_HasNoWcag21AaViolations(string query, string heading, int width, string screenshot)
    {
        var (id, code) = await fixture.ReceivedCivilStatusCopyAsync("Đặng Văn Phúc");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}{query}", width);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{heading} {code}");

        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }
}
