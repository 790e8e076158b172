using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// Issue 7's "Done when" in the browser: a procedure designer opens a shipped workflow in the studio, adds a user task
/// from the palette (an error at the element and in the problem list), reroutes a flow through it with the context
/// pad (the error goes), sets its candidate group, form and due-in, reloads and finds the draft intact, sees the diff,
/// publishes version 2; a dossier started before stays on version 1 while a new one runs on version 2. Every screen
/// is checked with axe-core, kept as a screenshot and watched for content-security-policy violations.
/// </summary>
public sealed class StudioTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    private const string Key = "cap-ban-sao-trich-luc-ho-tich";
    private const string NewTaskName = "Kiểm tra bản sao trước khi trả";

    [Fact]
    public async Task Designer_AddUserTaskRerouteAndPublish_NewDossierRunsOnVersion2WhileTheOldOneStaysOnVersion1()
    {
        var designer = await TestOfficers.CreateAsync(fixture.Host, "thiet-ke-quy-trinh", "Hà Minh Thiết", OfficerRole.ProcedureDesigner, WorkspaceBrowserFixture.Ward);
        var (before, _) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        Assert.Equal(1, await VersionOfAsync(fixture, before));

        // The studio's home lists the shipped workflow; its design link opens the designer.
        var (page, violations) = await OpenWatchingCspAsync(fixture, designer, "/studio");
        await page.SetViewportSizeAsync(1280, 1300);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thiết kế quy trình và biểu mẫu");
        var row = page.GetByTestId("studio-workflows").Locator($"tr[data-key='{Key}']");
        await Assertions.Expect(row).ToContainTextAsync("Cấp bản sao trích lục hộ tịch");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-home-vi");
        await row.Locator($"a[href='/studio/workflows/{Key}']").ClickAsync();

        var studio = page.GetByTestId("studio-modeler");
        await Assertions.Expect(studio).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveAttributeAsync("data-state", "published-loaded");
        await Assertions.Expect(studio.Locator(".bjs-powered-by")).ToBeVisibleAsync();
        var problems = page.GetByTestId("problems");
        await Assertions.Expect(problems).ToHaveAttributeAsync("data-errors", "0");
        await page.GetByTestId("studio-canvas").ScrollIntoViewIfNeededAsync();

        // A user task from the palette, dropped in the one-stop lane away from every flow: unconnected, so an error.
        var diagram = await DiagramAsync(page);
        await page.Locator(".djs-palette .entry[data-action='create.user-task']").ClickAsync();
        await diagram.MoveToAsync(1700, 250);
        await page.Mouse.DownAsync();
        await page.Mouse.UpAsync();
        await page.Keyboard.TypeAsync(NewTaskName);
        await page.Keyboard.PressAsync("Enter");
        var taskId = await page.GetByTestId("prop-id").InputValueAsync();
        Assert.Matches("^[A-Za-z_][A-Za-z0-9_.-]*$", taskId);
        await Assertions.Expect(page.GetByTestId("prop-name")).ToHaveValueAsync(NewTaskName);
        var overlay = page.Locator($"[data-testid='problem-overlay'][data-element-id='{taskId}']");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-severity", "error");
        var taskProblems = page.GetByTestId("problem-list").Locator($"[data-testid='problem-item'][data-element-id='{taskId}'][data-severity='error']");
        await Assertions.Expect(taskProblems.First).ToContainTextAsync(NewTaskName);
        Assert.Contains("unreachable", await taskProblems.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.code)"));
        await Assertions.Expect(problems).Not.ToHaveAttributeAsync("data-errors", "0");
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-designer-error-vi");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);

        // The flow "processing -> return-result" goes; the context pad's connect tool routes it through the new task.
        await diagram.ClickAsync(1830, 600); // on the flow's vertical leg, clear of the new task's context pad
        await page.Locator(".djs-context-pad .entry[data-action='delete']").ClickAsync();
        await Assertions.Expect(page.Locator(".djs-connection[data-element-id='to-return']")).ToHaveCountAsync(0);
        await ConnectAsync(page, diagram, (1750, 472), (1700, 250)); // an expanded sub-process is picked by its top band
        await ConnectAsync(page, diagram, (1700, 250), (1910, 150));
        await Assertions.Expect(overlay).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("problem-list").Locator($"[data-element-id='{taskId}']")).ToHaveCountAsync(0);

        // Its candidate group, form and due-in from the lists of the properties panel.
        await diagram.SelectAsync(1700, 250);
        await Assertions.Expect(page.GetByTestId("prop-id")).ToHaveValueAsync(taskId);
        await page.GetByTestId("prop-group-role").SelectOptionAsync(OfficerRole.Specialist);
        await page.GetByTestId("prop-group-agency").SelectOptionAsync(WorkspaceBrowserFixture.Ward);
        await page.GetByTestId("prop-group-add").ClickAsync();
        var chips = page.GetByTestId("prop-candidate-groups").Locator(".psb-chip");
        await Assertions.Expect(chips).ToHaveCountAsync(1);
        await page.GetByTestId("prop-form").SelectOptionAsync("y-kien-tham-dinh");
        await page.GetByTestId("prop-due-in-amount").FillAsync("2");
        await page.GetByTestId("prop-due-in-amount").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("prop-due-in-unit")).ToHaveValueAsync("days");
        await Assertions.Expect(page.GetByTestId("prop-calendar")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(problems).ToHaveAttributeAsync("data-errors", "0");
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-designer-fixed-vi");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);

        // A reload in the middle of editing: the draft is back as it was saved.
        await page.ReloadAsync();
        await Assertions.Expect(studio).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveAttributeAsync("data-state", "draft-loaded");
        await page.GetByTestId("studio-canvas").ScrollIntoViewIfNeededAsync();
        diagram = await DiagramAsync(page);
        await diagram.SelectAsync(1700, 250);
        await Assertions.Expect(page.GetByTestId("prop-id")).ToHaveValueAsync(taskId);
        await Assertions.Expect(page.GetByTestId("prop-name")).ToHaveValueAsync(NewTaskName);
        await Assertions.Expect(chips).ToHaveCountAsync(1);
        await Assertions.Expect(chips).ToContainTextAsync("Chuyên viên @ UBND phường Cam Đường");
        await Assertions.Expect(page.GetByTestId("prop-form")).ToHaveValueAsync("y-kien-tham-dinh");
        await Assertions.Expect(page.GetByTestId("prop-due-in-amount")).ToHaveValueAsync("2");
        await Assertions.Expect(page.GetByTestId("prop-due-in-unit")).ToHaveValueAsync("days");
        await Assertions.Expect(problems).ToHaveAttributeAsync("data-errors", "0");
        var draft = await DraftXmlAsync(page);
        var task = draft.Descendants(Bpmn + "userTask").Single(e => (string?)e.Attribute("id") == taskId);
        Assert.Equal($"{OfficerRole.Specialist}@{WorkspaceBrowserFixture.Ward}", (string?)task.Attribute(Psb + "candidateGroups"));
        Assert.Equal("y-kien-tham-dinh", (string?)task.Attribute(Psb + "formKey"));
        Assert.Equal("P2D", (string?)task.Attribute(Psb + "dueIn"));
        var flows = draft.Descendants(Bpmn + "sequenceFlow").ToList();
        Assert.DoesNotContain(flows, f => (string?)f.Attribute("id") == "to-return");
        var intoTask = flows.Single(f => (string?)f.Attribute("sourceRef") == "processing" && (string?)f.Attribute("targetRef") == taskId);
        var outOfTask = flows.Single(f => (string?)f.Attribute("sourceRef") == taskId && (string?)f.Attribute("targetRef") == "return-result");
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-designer-reloaded-vi");

        // The diff against version 1: the task and its two flows added, the old flow removed.
        await page.GetByTestId("view-changes").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/studio/workflows/{Key}/diff$"));
        var diff = page.GetByTestId("studio-diff");
        await Assertions.Expect(diff).ToHaveAttributeAsync("data-state", "ready");
        var added = page.GetByTestId("diff-list-added");
        foreach (var id in new[] { taskId, (string)intoTask.Attribute("id")!, (string)outOfTask.Attribute("id")! })
        {
            await Assertions.Expect(added.Locator($"li[data-element-id='{id}']")).ToHaveCountAsync(1);
        }
        await Assertions.Expect(added.Locator($"li[data-element-id='{taskId}']")).ToContainTextAsync(NewTaskName);
        await Assertions.Expect(page.GetByTestId("diff-list-removed").Locator("li[data-element-id='to-return']")).ToHaveCountAsync(1);
        await Assertions.Expect(diff).ToHaveAttributeAsync("data-added", "3");
        await Assertions.Expect(diff).ToHaveAttributeAsync("data-removed", "1");
        await Assertions.Expect(page.GetByTestId("diff-draft").Locator($".djs-shape.psb-diff-added[data-element-id='{taskId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("diff-published").Locator(".djs-connection.psb-diff-removed[data-element-id='to-return']")).ToHaveCountAsync(1);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-diff-vi");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);

        // Publish version 2 from the designer: confirm, then the versions page says so.
        await page.GotoAsync($"/studio/workflows/{Key}");
        await Assertions.Expect(studio).ToHaveAttributeAsync("data-state", "ready");
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("publish-dialog")).ToContainTextAsync("2");
        await page.GetByTestId("publish-dialog-confirm").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/studio/workflows/{Key}/versions\\?published=2$"));
        await Assertions.Expect(page.GetByTestId("studio-published")).ToHaveTextAsync("Đã xuất bản phiên bản 2. Hồ sơ mới sẽ chạy theo phiên bản này.");

        // A new dossier runs on version 2 (and reaches its appraisal); the one started before stays on version 1.
        var (after, _) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        Assert.Equal(2, await VersionOfAsync(fixture, after));
        Assert.Equal(1, await VersionOfAsync(fixture, before));
        await fixture.OpenStepAsync(after, "appraise");
        await fixture.OpenStepAsync(before, "appraise");
        await page.ReloadAsync();
        var versions = page.GetByTestId("studio-versions");
        await Assertions.Expect(versions.Locator("tr[data-version='2']")).ToContainTextAsync("1 hồ sơ, 1 đang xử lý");
        await Assertions.Expect(versions.Locator("tr[data-version='2']")).ToContainTextAsync("Đang dùng cho hồ sơ mới");
        await Assertions.Expect(versions.Locator("tr[data-version='1']")).ToContainTextAsync("1 hồ sơ, 1 đang xử lý");
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-versions-vi");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        Assert.Empty(await violations());
    }

    [Fact]
    public async Task StudioPages_English_ShowEnglishTextsAndFitAPhone()
    {
        var designer = await TestOfficers.CreateAsync(fixture.Host, "thiet-ke-tieng-anh", "Lò Văn Dũng", OfficerRole.ProcedureDesigner, WorkspaceBrowserFixture.Ward);
        var (page, violations) = await OpenWatchingCspAsync(fixture, designer, "/studio");
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Designer studio: workflows and forms");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-home-en");

        await page.GotoAsync($"/studio/workflows/{Key}");
        await Assertions.Expect(page.GetByTestId("studio-modeler")).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(page.GetByTestId("publish")).ToHaveTextAsync("Publish");
        await Assertions.Expect(page.GetByTestId("problems")).ToHaveAttributeAsync("data-errors", "0");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-designer-en");

        await page.GotoAsync($"/studio/workflows/{Key}/versions");
        await Assertions.Expect(page.GetByTestId("studio-versions").Locator("tr[data-version='1']")).ToContainTextAsync("Used for new dossiers");

        foreach (var (culture, path, screen) in new[]
                 {
                     ("en", "/studio", "home"), ("en", $"/studio/workflows/{Key}/versions", "versions"),
                     ("vi-VN", "/studio", "home"), ("vi-VN", $"/studio/workflows/{Key}/versions", "versions"),
                 })
        {
            await page.SetViewportSizeAsync(375, 800);
            var response = await page.GotoAsync($"{path}?culture={culture}");
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            await AssertFitsAsync(page);
            await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
            await WorkspaceBrowserFixture.ScreenshotAsync(page, $"studio-{screen}-{culture}-375");
        }
        Assert.Empty(await violations());
    }

    /// <summary><see cref="WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync"/>, naming the elements that stick out when it fails.</summary>
    internal static async Task AssertFitsAsync(IPage page)
    {
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .slice(0, 8)
              .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`)
            """);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the viewport: {string.Join("; ", wide)}");
    }

    internal static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    internal static readonly XNamespace Psb = "urn:publicservicesbpm:bpmn:1";

    /// <summary>The version of the workflow the dossier's process instance runs on.</summary>
    internal static async Task<int> VersionOfAsync(WorkspaceBrowserFixture fixture, Guid dossierId) =>
        await fixture.QueryAsync(async db =>
        {
            var instance = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.ProcessInstanceId).SingleAsync();
            return await db.ProcessInstances.Where(i => i.Id == instance).Select(i => i.ProcessVersion).SingleAsync();
        });

    /// <summary>
    /// Signs in, then opens <paramref name="path"/> with listeners for content-security-policy violations (the DOM's
    /// <c>securitypolicyviolation</c> events and the console's reports) on this and every later page of the context.
    /// </summary>
    internal static async Task<(IPage Page, Func<Task<List<string>>> Violations)> OpenWatchingCspAsync(WorkspaceBrowserFixture fixture, Guid officerId, string path)
    {
        var page = await fixture.SignedInPageAsync(officerId, "/studio");
        var seen = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                seen.Add(message.Text);
            }
        };
        await page.ExposeFunctionAsync("__reportCsp", (string text) => seen.Add(text));
        await page.Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => window.__reportCsp(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
            """);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");
        return (page, () => Task.FromResult(seen.ToList()));
    }

    private static async Task<XDocument> DraftXmlAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync($"/api/v1/designer/workflows/{Key}/draft");
        Assert.Equal(200, response.Status);
        var body = await response.JsonAsync();
        return XDocument.Parse(body!.Value.GetProperty("xml").GetString()!);
    }

    /// <summary>Context pad "connect" on the element at <paramref name="from"/>, then a click on the element at <paramref name="to"/> (diagram coordinates).</summary>
    private static async Task ConnectAsync(IPage page, Diagram diagram, (double X, double Y) from, (double X, double Y) to)
    {
        await diagram.SelectAsync(from.X, from.Y);
        await Assertions.Expect(page.GetByTestId("prop-id")).Not.ToHaveValueAsync(Key);
        await page.Locator(".djs-context-pad.open .entry[data-action='connect']").ClickAsync();
        await diagram.MoveToAsync(to.X, to.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.UpAsync();
    }

    /// <summary>Where the modeler shows the diagram: the rectangle of the task "return-result" (x 1860, y 110, 100 × 80 in the BPMN file) gives the zoom and the offset.</summary>
    private static async Task<Diagram> DiagramAsync(IPage page)
    {
        var box = await page.Locator(".djs-element[data-element-id='return-result'] .djs-visual > rect").BoundingBoxAsync();
        Assert.NotNull(box);
        var scale = box.Width / 100;
        return new Diagram(page, box.X - (1860 * scale), box.Y - (110 * scale), scale);
    }

    private sealed record Diagram(IPage Page, double OriginX, double OriginY, double Scale)
    {
        public async Task MoveToAsync(double x, double y) =>
            await Page.Mouse.MoveAsync((float)(OriginX + (x * Scale)), (float)(OriginY + (y * Scale)), new() { Steps = 8 });

        /// <summary>Clicks the empty canvas above the pool first: the context pad of the element selected before may cover the point.</summary>
        public async Task SelectAsync(double x, double y)
        {
            await ClickAsync(1000, 40);
            await ClickAsync(x, y);
        }

        public async Task ClickAsync(double x, double y)
        {
            await MoveToAsync(x, y);
            await Page.Mouse.ClickAsync((float)(OriginX + (x * Scale)), (float)(OriginY + (y * Scale)));
        }
    }
}
