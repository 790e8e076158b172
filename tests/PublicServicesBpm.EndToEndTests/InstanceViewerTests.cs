using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// The instance viewer (bpmn-js) on the officer's dossier and task pages: the dossier's path drawn with its markers,
/// zoom from the keyboard, no content-security-policy violation, WCAG 2.1 AA at desktop and phone width, and each
/// shipped workflow as deployed imported without warnings.
/// </summary>
public sealed class InstanceViewerTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    private static readonly string[] ShippedWorkflows =
        ["cap-ban-sao-trich-luc-ho-tich", "cap-giay-phep-xay-dung-nha-o", "cap-phieu-ly-lich-tu-phap", "dang-ky-ho-kinh-doanh", "dang-ky-khai-sinh"];

    [Fact]
    public async Task DossierPage_ReceivedDossier_DrawsPathWithMarkersAndZoomsFromTheKeyboard()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        var (page, violations) = await OpenWatchingCspAsync(fixture.OneStopId, $"/workspace/dossiers/{id:D}");

        var view = page.GetByTestId("instance-view");
        await Assertions.Expect(view).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(view).ToHaveAttributeAsync("data-warnings", "0");
        await Assertions.Expect(Shape(page, "start", "psb-path-completed")).ToHaveCountAsync(1);
        await Assertions.Expect(Shape(page, "register-receipt", "psb-path-completed")).ToHaveCountAsync(1);
        await Assertions.Expect(Shape(page, "receive", "psb-path-completed")).ToHaveCountAsync(0);
        await Assertions.Expect(Shape(page, "appraise", "psb-path-active")).ToHaveCountAsync(1);
        await Assertions.Expect(Shape(page, "appraise", "psb-path-completed")).ToHaveCountAsync(0);
        await Assertions.Expect(view.Locator(".bjs-powered-by")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("instance-passed")).ToContainTextAsync("Cấp mã hồ sơ, hẹn ngày trả kết quả");
        await Assertions.Expect(page.GetByTestId("instance-current")).ToContainTextAsync("Tra cứu sổ hộ tịch, dự thảo bản sao trích lục — chưa có người nhận");

        // The diagram takes focus (the arrow keys pan it) and the zoom buttons answer the keyboard.
        var diagram = view.GetByRole(AriaRole.Img, new() { Name = "Sơ đồ quy trình của hồ sơ. Khi sơ đồ đang được chọn, dùng phím mũi tên để di chuyển." });
        await diagram.FocusAsync();
        await Assertions.Expect(diagram).ToBeFocusedAsync();
        var fitted = await Zoom(view);
        await view.GetByRole(AriaRole.Button, new() { Name = "Phóng to" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(view).Not.ToHaveAttributeAsync("data-zoom", fitted.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await Zoom(view) > fitted, "Zoom in from the keyboard did not zoom in.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(view.GetByRole(AriaRole.Button, new() { Name = "Thu nhỏ" })).ToBeFocusedAsync();
        var zoomedIn = await Zoom(view);
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await Zoom(view) < zoomedIn, "Zoom out from the keyboard did not zoom out.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(fitted, await Zoom(view), 3);

        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "instance-viewer-dossier-vi-desktop");
        Assert.Empty(await violations());
    }

    [Fact]
    public async Task TaskPage_OpenStep_DrawsCurrentStepAndIsAccessibleAtBothWidths()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        var taskId = await fixture.QueryAsync(db => db.UserTasks
            .Where(t => t.Status == "open" && db.Dossiers.Any(d => d.Id == id && d.ProcessInstanceId == t.InstanceId))
            .Select(t => t.Id).SingleAsync());

        foreach (var (width, screenshot) in new[] { (1280, "instance-viewer-task-vi-desktop"), (375, "instance-viewer-task-vi-375") })
        {
            var (page, violations) = await OpenWatchingCspAsync(fixture.SpecialistId, $"/workspace/tasks/{taskId}", width);
            var view = page.GetByTestId("instance-view");
            await Assertions.Expect(view).ToHaveAttributeAsync("data-state", "ready");
            await Assertions.Expect(view).ToHaveAttributeAsync("data-warnings", "0");
            await Assertions.Expect(Shape(page, "appraise", "psb-path-active")).ToHaveCountAsync(1);
            await Assertions.Expect(view.Locator(".bjs-powered-by")).ToBeVisibleAsync();
            await page.GetByTestId("instance-path").GetByText("Lịch sử thực hiện quy trình").ClickAsync();
            await Assertions.Expect(page.GetByTestId("instance-history")).ToContainTextAsync("Bắt đầu bước");

            await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
            await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
            await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
            Assert.Empty(await violations());
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Viewer_EachShippedWorkflowAsDeployed_ImportsWithoutWarnings()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Đặng Văn Minh");
        var (page, violations) = await OpenWatchingCspAsync(fixture.OneStopId, $"/workspace/dossiers/{id:D}");
        await Assertions.Expect(page.GetByTestId("instance-view")).ToHaveAttributeAsync("data-state", "ready");
        var deployed = await fixture.QueryAsync(db => db.ProcessDefinitionVersions.AsNoTracking()
            .OrderBy(v => v.Key).ThenByDescending(v => v.Version).ToListAsync());
        var latest = deployed.GroupBy(v => v.Key).Select(g => g.First()).ToList();
        Assert.Equal(ShippedWorkflows, latest.Select(v => v.Key));

        foreach (var definition in latest)
        {
            // The page's own viewer module (same URL, so the same module) draws the deployed XML in a new viewer element.
            var result = await page.EvaluateAsync<JsonElement>("""
                async ([key, xml]) => {
                  const script = document.querySelector('script[src*="instance-view"]');
                  const module = await import(script.src);
                  const element = document.createElement('div');
                  element.id = 'viewer-' + key;
                  element.dataset.instanceView = '';
                  element.dataset.path = JSON.stringify({ bpmnXml: xml, completed: [], active: [], incidents: [] });
                  const canvas = document.createElement('div');
                  canvas.className = 'iv-canvas';
                  canvas.dataset.instanceViewCanvas = '';
                  element.append(canvas);
                  const host = document.createElement('div');
                  host.append(element);
                  document.querySelector('main')?.append(host) ?? document.body.append(host);
                  await module.startInstanceViews(host);
                  const ids = [...element.querySelectorAll('.djs-shape[data-element-id]')].map(e => e.dataset.elementId);
                  return { state: element.dataset.state, warnings: element.dataset.warnings ?? null, ids };
                }
                """, new object[] { definition.Key, definition.BpmnXml });
            Assert.Equal("ready", result.GetProperty("state").GetString());
            Assert.Equal("0", result.GetProperty("warnings").GetString());
            var drawn = result.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToHashSet();
            var nodes = FlowNodeIds(definition.BpmnXml);
            Assert.NotEmpty(nodes);
            Assert.All(nodes, node => Assert.Contains(node, drawn));
        }
        Assert.Empty(await violations());
    }

    /// <summary>The rendered shape of a BPMN element carrying <paramref name="marker"/>.</summary>
    private static ILocator Shape(IPage page, string elementId, string marker) =>
        page.Locator($".djs-shape.{marker}[data-element-id=\"{elementId}\"]");

    private static async Task<double> Zoom(ILocator view) =>
        double.Parse((await view.GetAttributeAsync("data-zoom"))!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>User tasks, events, gateways and activities of the process (the shapes the viewer must draw).</summary>
    private static List<string> FlowNodeIds(string xml)
    {
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        string[] kinds = ["startEvent", "endEvent", "userTask", "serviceTask", "exclusiveGateway", "parallelGateway", "subProcess", "intermediateCatchEvent", "boundaryEvent"];
        return [.. XDocument.Parse(xml).Descendants().Where(e => e.Name.Namespace == bpmn && kinds.Contains(e.Name.LocalName))
            .Select(e => (string?)e.Attribute("id")).OfType<string>()];
    }

    /// <summary>
    /// Signs in, then opens <paramref name="path"/> with listeners for content-security-policy violations (the DOM's
    /// <c>securitypolicyviolation</c> events and the console's reports); the returned function lists what was seen.
    /// </summary>
    private async Task<(IPage Page, Func<Task<List<string>>> Violations)> OpenWatchingCspAsync(Guid officerId, string path, int width = 1280)
    {
        var page = await fixture.SignedInPageAsync(officerId, "/workspace", width);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add(message.Text);
            }
        };
        await page.Context.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");
        return (page, async () =>
        {
            var seen = await page.EvaluateAsync<string[]>("() => window.__cspViolations ?? []");
            return [.. console, .. seen];
        });
    }
}
