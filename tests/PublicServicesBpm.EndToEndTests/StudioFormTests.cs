using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// The studio's form designer (form-js editor): a shipped form opens with its preview filled from sample data; a label
/// changed in the editor's properties panel is saved as a draft, survives a reload and is published as version 2.
/// </summary>
public sealed class StudioFormTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    private const string FormKey = "y-kien-tham-dinh";
    private const string NewLabel = "Ý kiến thẩm định của chuyên viên";

    [Fact]
    public async Task FormDesigner_ChangeLabelReloadAndPublish_KeepsTheDraftAndListsVersion2()
    {
        var designer = await TestOfficers.CreateAsync(fixture.Host, "thiet-ke-bieu-mau", "Nông Thị Hoa", OfficerRole.ProcedureDesigner, WorkspaceBrowserFixture.Ward);
        var (page, violations) = await StudioTests.OpenWatchingCspAsync(fixture, designer, "/studio");
        await page.GetByTestId("studio-forms").Locator($"tr[data-key='{FormKey}'] a[href='/studio/forms/{FormKey}']").ClickAsync();

        var root = page.GetByTestId("studio-form-editor");
        await Assertions.Expect(root).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page.GetByTestId("form-status")).ToContainTextAsync("1");

        // The preview shows the generated sample data: the sample's opinion text is in the preview's field.
        var sample = JsonDocument.Parse(await page.GetByTestId("form-sample-data").InputValueAsync()).RootElement;
        var opinion = sample.GetProperty("yKien").GetString();
        Assert.False(string.IsNullOrWhiteSpace(opinion));
        var preview = page.GetByTestId("form-preview");
        await Assertions.Expect(preview.GetByRole(AriaRole.Textbox, new() { Name = "Ý kiến thẩm định" })).ToHaveValueAsync(opinion!);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-form-designer-vi");

        // The label of "yKien" changed in the editor's properties panel: saved as a draft, and the preview follows.
        var editor = page.GetByTestId("form-editor");
        await editor.Locator(".fjs-element[data-id='field-yKien']").ClickAsync();
        var general = editor.Locator("[data-group-id='group-general'] .bio-properties-panel-group-header");
        await Assertions.Expect(editor.Locator(".fjs-properties-container, .fjs-editor-properties-container").First).ToContainTextAsync("Ý kiến thẩm định");
        if (!(await general.GetAttributeAsync("class"))!.Contains("open", StringComparison.Ordinal))
        {
            await general.ClickAsync();
        }
        var label = editor.Locator("[data-entry-id='label'] .cm-content");
        await label.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(NewLabel);
        // The preview follows with sample data made anew from the changed schema.
        await Assertions.Expect(preview.GetByRole(AriaRole.Textbox, new() { Name = NewLabel })).ToBeVisibleAsync();
        var resampled = JsonDocument.Parse(await page.GetByTestId("form-sample-data").InputValueAsync()).RootElement.GetProperty("yKien").GetString();
        await Assertions.Expect(preview.GetByRole(AriaRole.Textbox, new() { Name = NewLabel })).ToHaveValueAsync(resampled!);
        await Assertions.Expect(root).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page.GetByTestId("form-status")).ToContainTextAsync("Đã lưu bản nháp lúc");
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-form-designer-edited-vi");

        await page.ReloadAsync();
        await Assertions.Expect(root).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page.GetByTestId("form-preview").GetByRole(AriaRole.Textbox, new() { Name = NewLabel })).ToBeVisibleAsync();
        var draft = await page.APIRequest.GetAsync($"/api/v1/designer/forms/{FormKey}/draft");
        Assert.Equal(200, draft.Status);
        Assert.Contains(NewLabel, await draft.TextAsync(), StringComparison.Ordinal);

        await page.GetByTestId("form-publish").ClickAsync();
        await page.GetByTestId("form-publish-dialog-confirm").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/studio/forms/{FormKey}/versions\\?published=2$"));
        await Assertions.Expect(page.GetByTestId("studio-published")).ToContainTextAsync("2");
        await Assertions.Expect(page.GetByTestId("studio-form-versions").Locator("tr[data-version='2']")).ToContainTextAsync("Phiên bản 2");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "studio-form-versions-vi");
        Assert.Empty(await violations());
    }
}
