using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>Result files at the desk: the "Kết quả giải quyết" section of the dossier page and the signing step.</summary>
public sealed class WorkspaceResultTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    [Fact]
    public async Task DossierPage_UploadResultFile_ListsItInTheResultSection()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}");
        var section = page.GetByTestId("result-files");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Kết quả giải quyết" })).ToBeVisibleAsync();

        await section.GetByLabel("Tệp văn bản kết quả (bản quét hoặc bản điện tử)").SetInputFilesAsync(new FilePayload
        {
            Name = "ban-sao-trich-luc.pdf", MimeType = "application/pdf", Buffer = WorkspaceBrowserFixture.Pdf("ban-sao-trich-luc"),
        });
        await page.GetByTestId("result-upload").ClickToNavigateAsync(page, new Regex("saved=result-file"));

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã tải tệp kết quả lên.");
        var link = page.GetByTestId("result-files").GetByRole(AriaRole.Link, new() { Name = "ban-sao-trich-luc.pdf" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var download = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        var stored = await fixture.QueryAsync(db => db.DossierFiles.Where(f => f.DossierId == id && f.ComponentCode == "result").Select(f => f.FileName).ToListAsync());
        Assert.Equal(["ban-sao-trich-luc.pdf"], stored);
    }

    [Fact]
    public async Task DossierPage_UploadWithoutFile_ShowsErrorAndStoresNothing()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}");

        await page.GetByTestId("result-upload").ClickAsync();

        await Assertions.Expect(page.GetByTestId("result-files").GetByTestId("error-summary")).ToContainTextAsync("Chưa chọn tệp nào.");
        await Assertions.Expect(page.Locator("#result-file")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, await fixture.QueryAsync(db => db.DossierFiles.CountAsync(f => f.DossierId == id && f.ComponentCode == "result")));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SignStep_ShowsTheResultFilesToTheSigner()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Đặng Văn Phúc");
        await fixture.CompleteStepAsync(fixture.SpecialistId, id, "appraise", "approve", new { ketLuan = "dat", yKien = "Hồ sơ đầy đủ, hợp lệ theo quy định." });
        var specialist = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}");
        await specialist.Locator("#result-file").SetInputFilesAsync(new FilePayload
        {
            Name = "du-thao-ban-sao.pdf", MimeType = "application/pdf", Buffer = WorkspaceBrowserFixture.Pdf("du-thao"),
        });
        await specialist.GetByTestId("result-upload").ClickToNavigateAsync(specialist, new Regex("saved=result-file"));
        await Assertions.Expect(specialist.GetByTestId("result-files")).ToContainTextAsync("du-thao-ban-sao.pdf");

        var taskId = await fixture.OpenStepAsync(id, "sign");
        var page = await fixture.SignedInPageAsync(fixture.UnitLeaderId, $"/workspace/tasks/{taskId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận việc" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-result-files").GetByRole(AriaRole.Link, new() { Name = "du-thao-ban-sao.pdf" })).ToBeVisibleAsync();
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("", 1280, "workspace-result-vi-desktop")]
    [InlineData("?culture=en", 1280, "workspace-result-en-desktop")]
    [InlineData("", 375, "workspace-result-vi-375")]
    public async Task DossierPage_ResultSection_HasNoWcag21AaViolations(string query, int width, string screenshot)
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Vũ Văn Nam");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}{query}", width);
        await page.Locator("#result-file").SetInputFilesAsync(new FilePayload
        {
            Name = "ket-qua.pdf", MimeType = "application/pdf", Buffer = WorkspaceBrowserFixture.Pdf("ket-qua"),
        });
        await page.GetByTestId("result-upload").ClickToNavigateAsync(page, new Regex("saved=result-file"));
        await Assertions.Expect(page.GetByTestId("result-files")).ToContainTextAsync("ket-qua.pdf");

        await page.GetByTestId("result-files").ScrollIntoViewIfNeededAsync();
        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }
}
