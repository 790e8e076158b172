using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>The task page (<c>/workspace/tasks/{id}</c>): claim, the step's form (form-js), outcomes and dossier commands.</summary>
public sealed class WorkspaceTaskTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    [Fact]
    public async Task TaskPage_ClaimFillStepFormAndApprove_MovesDossierToSigning()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        var taskId = await OpenTaskAsync(id);
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/tasks/{taskId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tra cứu sổ hộ tịch, dự thảo bản sao trích lục");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận việc" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-holder")).ToHaveTextAsync("Bạn");
        await Assertions.Expect(page.GetByTestId("form-view")).ToHaveAttributeAsync("data-state", "ready");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Đủ điều kiện", Exact = true }).CheckAsync();
        await page.GetByLabel("Ý kiến thẩm định").FillAsync("Hồ sơ đầy đủ, hợp lệ theo quy định.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành bước: Đồng ý" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("step-done")).ToContainTextAsync("Đồng ý");
        await Assertions.Expect(page.GetByTestId("open-steps")).ToContainTextAsync("Ký bản sao trích lục");
        var appraisal = await fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == taskId).Select(t => new { t.Status, t.Outcome }).SingleAsync());
        Assert.Equal(("completed", "approve"), (appraisal.Status, appraisal.Outcome));
    }

    [Fact]
    public async Task TaskPage_RefuseWithoutReason_ShowsErrorThenRefusesWithReason()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        var taskId = await OpenTaskAsync(id);
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/tasks/{taskId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận việc" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-view")).ToHaveAttributeAsync("data-state", "ready");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Chưa đủ điều kiện", Exact = true }).CheckAsync();
        await page.GetByLabel("Ý kiến thẩm định").FillAsync("Không tìm thấy bản gốc trong sổ hộ tịch.");
        await page.GetByLabel("Lý do chưa đủ điều kiện").FillAsync("Sổ đăng ký khai sinh năm 1990 không có thông tin của người được cấp.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Từ chối hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Nêu rõ lý do từ chối.");
        await Assertions.Expect(page.GetByLabel("Lý do từ chối (in trên phiếu mẫu 03)")).ToHaveAttributeAsync("aria-invalid", "true");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);

        await Assertions.Expect(page.GetByTestId("form-view")).ToHaveAttributeAsync("data-state", "ready");
        await page.GetByLabel("Lý do từ chối (in trên phiếu mẫu 03)").FillAsync("Không có thông tin khai sinh trong sổ hộ tịch của phường.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Từ chối hồ sơ" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("step-done")).ToContainTextAsync("Từ chối");
        var reason = await fixture.QueryAsync(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Reason).SingleAsync());
        Assert.Equal("Không có thông tin khai sinh trong sổ hộ tịch của phường.", reason);
    }

    [Fact]
    public async Task TaskPage_BesideTheStep_ShowsFilesWithPreviewTimelineAndTakesAMessage()
    {
        var (id, code) = await fixture.ReceivedCivilStatusCopyAsync("Phan Văn Lộc");
        var taskId = await OpenTaskAsync(id);
        var reads = await DossierReadsAsync(id);
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/tasks/{taskId}");

        var components = page.GetByTestId("components");
        await Assertions.Expect(components).ToContainTextAsync("to-khai.pdf");
        var preview = components.GetByRole(AriaRole.Link, new() { Name = "Xem to-khai.pdf trong trình duyệt (mở thẻ mới)" });
        var shown = await page.APIRequest.GetAsync((await preview.GetAttributeAsync("href"))!);
        Assert.Equal(200, shown.Status);
        Assert.StartsWith("inline", shown.Headers["content-disposition"], StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li")).Not.ToHaveCountAsync(0);
        // Showing the applicant's data is a personal-data read, logged as on the dossier page.
        Assert.Equal(reads + 1, await DossierReadsAsync(id));

        await page.GetByLabel("Nội dung tin nhắn").FillAsync("Hồ sơ " + code + " đang được thẩm định.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi tin nhắn" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã gửi tin nhắn.");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("đang được thẩm định");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tra cứu sổ hộ tịch, dự thảo bản sao trích lục");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("", "Nhận việc", 1280, "workspace-task-vi-desktop")]
    [InlineData("?culture=en", "Claim", 1280, "workspace-task-en-desktop")]
    [InlineData("", "Nhận việc", 375, "workspace-task-vi-375")]
    public async Task TaskPage_WithStepForm_HasNoWcag21AaViolations(string query, string claim, int width, string screenshot)
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Đặng Văn Phúc");
        var taskId = await OpenTaskAsync(id);
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/tasks/{taskId}{query}", width);
        await page.GetByRole(AriaRole.Button, new() { Name = claim }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-view")).ToHaveAttributeAsync("data-state", "ready");

        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }

    private Task<int> DossierReadsAsync(Guid dossierId) =>
        fixture.QueryAsync(db => db.AuditLog.CountAsync(a => a.DossierId == dossierId && a.Action == "personal-data.read" && a.TargetType == "dossier"));

    private Task<string> OpenTaskAsync(Guid dossierId) =>
        fixture.QueryAsync(async db =>
        {
            var instance = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.ProcessInstanceId).SingleAsync();
            return await db.UserTasks.Where(t => t.InstanceId == instance && t.Status == "open").Select(t => t.Id).SingleAsync();
        });
}
