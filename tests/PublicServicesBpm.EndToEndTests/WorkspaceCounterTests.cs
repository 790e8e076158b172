using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>Counter receipt (<c>/workspace/tiep-nhan</c>): a walk-in dossier created, scanned and received, with slip 01.</summary>
public sealed class WorkspaceCounterTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    private const string CivilStatusCopy = "cap-ban-sao-trich-luc-ho-tich|mac-dinh";

    [Fact]
    public async Task Counter_CreateScanAndReceive_GivesCodeAppointmentAndSlip01()
    {
        var page = await fixture.SignedInPageAsync(fixture.OneStopId, "/workspace/tiep-nhan");
        await page.GetByLabel("Thủ tục, trường hợp").SelectOptionAsync(CivilStatusCopy);
        await page.GetByRole(AriaRole.Button, new() { Name = "Chọn", Exact = true }).ClickAsync();

        await page.Locator("#counter-fullName").FillAsync("Bùi Văn Khánh");
        await page.Locator("#counter-idNumber").FillAsync("015090006789");
        await page.Locator("#counter-phone").FillAsync("+84987654321");
        await FillCivilStatusCopyFormAsync(page, "Bùi Văn Khánh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo hồ sơ" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/workspace/tiep-nhan/[0-9a-f-]{36}$"));
        var id = Guid.Parse(page.Url[^36..]);
        await page.Locator("#file-to-khai").SetInputFilesAsync(File("to-khai.pdf"));
        await page.Locator("#file-giay-to-tuy-than").SetInputFilesAsync(File("cccd.pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tải lên 2 tệp.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("received-code")).ToHaveTextAsync(new Regex($"^{Regex.Escape(WorkspaceBrowserFixture.Ward)}-\\d{{6}}-\\d{{4}}$"));
        await Assertions.Expect(page.GetByTestId("received-appointment")).Not.ToBeEmptyAsync();
        var stored = await fixture.QueryAsync(db => db.Dossiers.Where(d => d.Id == id).Select(d => new { d.Code, d.Channel, d.AppointmentAt }).SingleAsync());
        Assert.Equal(await page.GetByTestId("received-code").TextContentAsync(), stored.Code);
        Assert.Equal(1, stored.Channel);
        Assert.NotNull(stored.AppointmentAt);
        var slip = page.GetByRole(AriaRole.Link, new() { Name = "In giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)" });
        var pdf = await page.APIRequest.GetAsync((await slip.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "workspace-counter-received-vi-desktop");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Counter_ReceiveWithoutScans_ListsMissingComponents()
    {
        var page = await fixture.SignedInPageAsync(fixture.OneStopId, "/workspace/tiep-nhan?case=" + Uri.EscapeDataString(CivilStatusCopy));
        await page.Locator("#counter-fullName").FillAsync("Hoàng Thị Lan");
        await FillCivilStatusCopyFormAsync(page, "Hoàng Thị Lan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo hồ sơ" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/workspace/tiep-nhan/[0-9a-f-]{36}$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Tờ khai cấp bản sao trích lục hộ tịch");
        await Assertions.Expect(page.Locator("#file-to-khai")).ToHaveAttributeAsync("aria-invalid", "true");
        var id = Guid.Parse(page.Url[^36..]);
        Assert.Null(await fixture.QueryAsync(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Code).SingleAsync()));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Counter_CreateWithoutApplicantName_ShowsErrorSummary()
    {
        var page = await fixture.SignedInPageAsync(fixture.OneStopId, "/workspace/tiep-nhan?case=" + Uri.EscapeDataString(CivilStatusCopy));
        await Assertions.Expect(page.GetByTestId("form-view")).ToHaveAttributeAsync("data-state", "ready");
        await FillCivilStatusCopyFormAsync(page, "Vũ Văn Nam");

        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo hồ sơ" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Nhập họ tên người nộp.");
        await Assertions.Expect(page.Locator("#counter-fullName")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Theory]
    [InlineData("", "Tiếp nhận hồ sơ tại quầy", 1280, "workspace-counter-vi-desktop")]
    [InlineData("&culture=en", "Counter receipt", 1280, "workspace-counter-en-desktop")]
    [InlineData("", "Tiếp nhận hồ sơ tại quầy", 375, "workspace-counter-vi-375")]
    public async Task Counter_CreatePage_HasNoWcag21AaViolations(string query, string heading, int width, string screenshot)
    {
        var page = await fixture.SignedInPageAsync(fixture.OneStopId, "/workspace/tiep-nhan?case=" + Uri.EscapeDataString(CivilStatusCopy) + query, width);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByTestId("form-view")).ToHaveAttributeAsync("data-state", "ready");

        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }

    /// <summary>The e-form of a civil-status copy (form <c>to-khai-cap-ban-sao-trich-luc-ho-tich</c>), filled in the browser.</summary>
    internal static async Task FillCivilStatusCopyFormAsync(IPage page, string fullName)
    {
        var form = page.GetByTestId("form-view");
        await Assertions.Expect(form).ToHaveAttributeAsync("data-state", "ready");
        await form.GetByLabel("Là chính người yêu cầu").CheckAsync();
        await form.GetByLabel("Họ, chữ đệm và tên").FillAsync(fullName);
        await form.GetByLabel("Số định danh cá nhân").FillAsync("015090006789");
        await form.GetByLabel("Nơi cư trú").FillAsync("Tổ 3, phường Cam Đường, tỉnh Lào Cai");
        await form.GetByLabel("Số điện thoại").FillAsync("+84987654321");
        // form-js draws its select as a display box over a hidden input: open it with the mouse, pick the option.
        await form.GetByLabel("Loại trích lục đề nghị cấp bản sao").Locator("xpath=..").ClickAsync();
        await form.Locator(".fjs-dropdownlist-item", new() { HasText = "Trích lục khai sinh" }).ClickAsync();
        await form.GetByLabel("Cơ quan đã đăng ký").FillAsync("UBND phường Cam Đường");
        await form.GetByRole(AriaRole.Radio, new() { Name = "Nhận trực tiếp tại Bộ phận một cửa" }).CheckAsync();
    }

    private static FilePayload File(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = WorkspaceBrowserFixture.Pdf(name) };
}
