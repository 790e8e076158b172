using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>Assigning and delegating a step on the task page; the new holder finds it in the inbox.</summary>
public sealed class WorkspaceAssignmentTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    [Fact]
    public async Task TaskPage_LeaderAssignsSigningStep_NewHolderSeesItInInbox()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        await fixture.CompleteStepAsync(fixture.SpecialistId, id, "appraise", "approve", new { ketLuan = "dat", yKien = "Hồ sơ đầy đủ, hợp lệ theo quy định." });
        var taskId = await fixture.OpenStepAsync(id, "sign");
        var page = await fixture.SignedInPageAsync(fixture.UnitLeaderId, $"/workspace/tasks/{taskId}");
        var officer = page.GetByTestId("assignment").GetByLabel("Cán bộ nhận việc");
        await Assertions.Expect(officer.Locator("option")).ToHaveTextAsync(["— Chọn cán bộ —", "Đinh Thị Ngọc"]);

        await officer.SelectOptionAsync(new SelectOptionValue { Label = "Đinh Thị Ngọc" });
        await page.GetByTestId("task-assign").ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã giao việc.");
        await Assertions.Expect(page.GetByTestId("open-steps")).ToContainTextAsync("Đinh Thị Ngọc");
        var holder = await fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == taskId).Select(t => t.Assignee).SingleAsync());
        Assert.Equal(fixture.SecondUnitLeaderId.ToString("D"), holder);
        var inbox = await fixture.SignedInPageAsync(fixture.SecondUnitLeaderId, "/workspace");
        await Assertions.Expect(inbox.Locator($"[data-testid=task][data-task-id='{taskId}']")).ToContainTextAsync("Ký bản sao trích lục");
    }

    [Fact]
    public async Task TaskPage_HolderDelegatesStep_DelegateSeesItAndHandsItBack()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        var taskId = await fixture.OpenStepAsync(id, "appraise");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/tasks/{taskId}");
        await Assertions.Expect(page.GetByTestId("assignment")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận việc" }).ClickAsync();

        await page.GetByLabel("Cán bộ nhận việc").SelectOptionAsync(new SelectOptionValue { Label = "Phạm Quốc Bảo" });
        await page.GetByTestId("task-delegate").ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã ủy quyền xử lý bước này.");
        var delegated = await fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == taskId).Select(t => new { t.Assignee, t.Owner }).SingleAsync());
        Assert.Equal((fixture.SecondSpecialistId.ToString("D"), fixture.SpecialistId.ToString("D")), (delegated.Assignee, delegated.Owner));
        var inbox = await fixture.SignedInPageAsync(fixture.SecondSpecialistId, "/workspace");
        var row = inbox.Locator($"[data-testid=task][data-task-id='{taskId}']");
        await Assertions.Expect(row).ToContainTextAsync("Tra cứu sổ hộ tịch, dự thảo bản sao trích lục");

        await row.GetByRole(AriaRole.Link, new() { Name = "Tra cứu sổ hộ tịch, dự thảo bản sao trích lục" }).ClickAsync();
        await inbox.GetByTestId("task-resolve").ClickAsync();

        await Assertions.Expect(inbox.GetByTestId("saved")).ToHaveTextAsync("Đã trả lại bước cho người ủy quyền.");
        var back = await fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == taskId).Select(t => new { t.Assignee, t.Owner }).SingleAsync());
        Assert.Equal((fixture.SpecialistId.ToString("D"), (string?)null), (back.Assignee, back.Owner));
    }

    [Fact]
    public async Task TaskPage_AssignWithoutChoosingOfficer_ShowsErrorAndKeepsTaskOpen()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Lò Văn Dũng");
        await fixture.CompleteStepAsync(fixture.SpecialistId, id, "appraise", "approve", new { ketLuan = "dat", yKien = "Hồ sơ đầy đủ, hợp lệ theo quy định." });
        var taskId = await fixture.OpenStepAsync(id, "sign");
        var page = await fixture.SignedInPageAsync(fixture.UnitLeaderId, $"/workspace/tasks/{taskId}");

        await page.GetByTestId("task-assign").ClickAsync();

        await Assertions.Expect(page.GetByTestId("assignment").GetByTestId("error-summary")).ToContainTextAsync("Chọn một cán bộ trong danh sách.");
        await Assertions.Expect(page.GetByLabel("Cán bộ nhận việc")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == taskId).Select(t => t.Assignee).SingleAsync()));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("", 1280, "workspace-assignment-vi-desktop")]
    [InlineData("?culture=en", 1280, "workspace-assignment-en-desktop")]
    [InlineData("", 375, "workspace-assignment-vi-375")]
    public async Task TaskPage_Assignment_HasNoWcag21AaViolations(string query, int width, string screenshot)
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Vũ Văn Nam");
        await fixture.CompleteStepAsync(fixture.SpecialistId, id, "appraise", "approve", new { ketLuan = "dat", yKien = "Hồ sơ đầy đủ, hợp lệ theo quy định." });
        var taskId = await fixture.OpenStepAsync(id, "sign");
        var page = await fixture.SignedInPageAsync(fixture.UnitLeaderId, $"/workspace/tasks/{taskId}{query}", width);
        await Assertions.Expect(page.GetByTestId("task-assign")).ToBeVisibleAsync();

        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }
}
