using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>The officer's inbox (<c>/workspace</c>): tasks of mine and my groups, due marks, filters, claim and give back.</summary>
public sealed class WorkspaceInboxTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    [Fact]
    public async Task Inbox_OverdueGroupTask_IsMarkedAndCanBeClaimedAndGivenBack()
    {
        var (id, code) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        var taskId = await OpenTaskAsync(id);
        await fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == taskId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, DateTimeOffset.UtcNow.AddHours(-1))));
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, "/workspace");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Việc cần làm");

        var task = page.GetByTestId("task").Filter(new() { HasText = code });
        await Assertions.Expect(task.GetByTestId("due-badge")).ToHaveTextAsync("Quá hạn");
        await Assertions.Expect(task).ToContainTextAsync("Bùi Văn Khánh");
        await Assertions.Expect(task).ToContainTextAsync("Chưa ai nhận");
        await task.GetByRole(AriaRole.Button, new() { Name = "Nhận việc" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("Bạn đã nhận việc");
        Assert.Equal(fixture.SpecialistId.ToString("D"), await AssigneeAsync(taskId));
        task = page.GetByTestId("task").Filter(new() { HasText = code });
        await Assertions.Expect(task).ToContainTextAsync("Bạn");
        await Assertions.Expect(task.GetByRole(AriaRole.Link, new() { Name = "Xử lý" })).ToHaveAttributeAsync("href", $"/workspace/tasks/{taskId}");

        await page.GotoAsync("/workspace?status=group");
        await Assertions.Expect(page.GetByTestId("task").Filter(new() { HasText = code })).ToHaveCountAsync(0);
        await page.GotoAsync("/workspace?status=mine");
        task = page.GetByTestId("task").Filter(new() { HasText = code });
        await task.GetByRole(AriaRole.Button, new() { Name = "Trả lại nhóm" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("lại cho nhóm");
        Assert.Null(await AssigneeAsync(taskId));
    }

    [Fact]
    public async Task Inbox_FilterByProcedureAndDueSoon_ShowsOnlyMatchingTasks()
    {
        var (soonId, soonCode) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        var (laterId, laterCode) = await fixture.ReceivedCivilStatusCopyAsync("Vũ Văn Nam");
        var soon = await OpenTaskAsync(soonId);
        var later = await OpenTaskAsync(laterId);
        await fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == soon)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, DateTimeOffset.UtcNow.AddMinutes(20))));
        await fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == later)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, DateTimeOffset.UtcNow.AddDays(3))));
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, "/workspace");

        await page.GetByLabel("Thủ tục").SelectOptionAsync("cap-ban-sao-trich-luc-ho-tich");
        await page.GetByLabel("Tình trạng").SelectOptionAsync("due-soon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=due-soon"));
        var shown = page.GetByTestId("task").Filter(new() { HasText = soonCode });
        await Assertions.Expect(shown.GetByTestId("due-badge")).ToHaveTextAsync("Sắp đến hạn");
        await Assertions.Expect(page.GetByTestId("task").Filter(new() { HasText = laterCode })).ToHaveCountAsync(0);
        await page.GotoAsync("/workspace?procedure=dang-ky-khai-sinh");
        await Assertions.Expect(page.GetByTestId("task")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("/workspace", "Việc cần làm", 1280, "workspace-inbox-vi-desktop")]
    [InlineData("/workspace?culture=en", "My tasks", 1280, "workspace-inbox-en-desktop")]
    [InlineData("/workspace", "Việc cần làm", 375, "workspace-inbox-vi-375")]
    public async Task Inbox_HasNoWcag21AaViolations(string path, string heading, int width, string screenshot)
    {
        await fixture.ReceivedCivilStatusCopyAsync("Đặng Văn Phúc");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, path, width);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByTestId("task").First).ToBeVisibleAsync();

        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }

    private Task<string> OpenTaskAsync(Guid dossierId) =>
        fixture.QueryAsync(async db =>
        {
            var instance = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.ProcessInstanceId).SingleAsync();
            return await db.UserTasks.Where(t => t.InstanceId == instance && t.Status == "open").Select(t => t.Id).SingleAsync();
        });

    private Task<string?> AssigneeAsync(string taskId) =>
        fixture.QueryAsync(db => db.UserTasks.Where(t => t.Id == taskId).Select(t => t.Assignee).SingleAsync());
}
