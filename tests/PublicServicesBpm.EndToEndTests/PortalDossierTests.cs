using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>A signed-in citizen applies online: the e-form (form-js) prefilled from their identity, uploads, submit, then the dossier's page.</summary>
public sealed class PortalDossierTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Apply_HouseholdBusinessOnline_SubmitsAndShowsTheDossierWithTimelineAndMessages()
    {
        var personalId = await portal.CreateCitizenAsync();
        var page = await portal.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        await PortalFixture.SignInAsync(page, personalId, "/portal/nop-ho-so/dang-ky-ho-kinh-doanh");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nộp hồ sơ trực tuyến");
        await PortalPages.CheckAsync(page, "new-dossier");

        await page.GetByLabel("Nhận qua dịch vụ bưu chính").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu khai hồ sơ" }).ClickAsync();

        // The e-form, rendered by form-js from the start event's form, prefilled from the sign-in identity.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hồ sơ nháp");
        await Assertions.Expect(page.Locator("[data-form-view]")).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(page.GetByLabel("Họ, chữ đệm và tên").First).ToHaveValueAsync("Lý Thị Mai");
        await Assertions.Expect(page.GetByLabel("Số định danh cá nhân").First).ToHaveValueAsync(personalId);
        await Assertions.Expect(page.GetByLabel("Nhận qua dịch vụ bưu chính")).ToBeCheckedAsync();

        // Saving with a required field empty is blocked in the browser.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tờ khai" }).ClickAsync();
        await Assertions.Expect(page.Locator(".fjs-has-errors").First).ToBeVisibleAsync();
        // form-js's own messages are English; the page's language is Vietnamese, and so are they (form-messages.js).
        await Assertions.Expect(page.Locator(".fjs-form-field-error").First).ToHaveTextAsync("Trường này là bắt buộc.");
        await PortalPages.CheckAsync(page, "draft-form");

        await PortalPages.FillHouseholdBusinessFormAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tờ khai" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu tờ khai.");
        await Assertions.Expect(page.GetByLabel("Tên hộ kinh doanh (viết in hoa)")).ToHaveValueAsync("HỘ KINH DOANH TẠP HÓA MINH AN");

        await PortalPages.UploadComponentsAsync(page,
            ("giay-de-nghi", "Giấy đề nghị đăng ký hộ kinh doanh"), ("giay-to-tuy-than", "Bản sao giấy tờ pháp lý của cá nhân là chủ hộ kinh doanh"));
        await PortalPages.CheckAsync(page, "draft-uploaded");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nộp hồ sơ.");
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Mới đăng ký");
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li")).Not.ToHaveCountAsync(0);
        await PortalPages.CheckAsync(page, "dossier");

        await page.GetByLabel("Tin nhắn mới").FillAsync("Tôi có thể bổ sung bản chụp giấy phép kinh doanh cũ không?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi tin nhắn" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("bản chụp giấy phép kinh doanh cũ");

        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ của tôi" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("my-dossiers")).ToContainTextAsync("Đăng ký thành lập hộ kinh doanh");
        await Assertions.Expect(page.GetByTestId("my-dossiers")).ToContainTextAsync("Mới đăng ký");
        await PortalPages.CheckAsync(page, "my-dossiers");
        Assert.DoesNotContain(errors, e => Regex.IsMatch(e, "Content Security Policy|Refused to"));
    }

    [Fact]
    public async Task DossierPage_NotTheCitizensOwn_SaysItIsNotFound()
    {
        var personalId = await portal.CreateCitizenAsync("Trần Văn Bình");
        var page = await portal.NewPageAsync();
        await PortalFixture.SignInAsync(page, personalId, "/portal/ho-so");

        await page.GotoAsync($"/portal/ho-so/{Guid.NewGuid():D}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy hồ sơ");
    }
}
