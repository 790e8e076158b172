using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

public sealed partial class OfficerPasswordResetTests(OfficerHostFixture fixture) : IClassFixture<OfficerHostFixture>
{
    private const string NewPassword = "Mật-khẩu-mới-2025@";

    [Fact]
    public async Task ForgotPassword_KnownEmail_MailsALinkThatSetsANewPasswordAndEndsTheLockout()
    {
        var officer = await fixture.CreateOfficerAsync("trinh.van.phuc", "Trịnh Văn Phúc", [OfficerRole.Specialist]);
        using var browser = fixture.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync("trinh.van.phuc", "Sai-mật-khẩu-2025!");
        }

        var requested = await RequestResetAsync(browser, officer.Email!);
        var mail = Assert.Single(fixture.MailsTo(officer.Email!));
        var link = new Uri(LinkPattern().Match(mail).Value);
        var form = await browser.GetAsync(link.PathAndQuery);
        var done = await browser.SubmitAsync(form, "reset-password", NewPasswordFields(NewPassword));
        var reused = await browser.SubmitAsync(await browser.GetAsync(link.PathAndQuery), "reset-password", NewPasswordFields(NewPassword + "2"));

        Assert.NotNull(requested.TestId("reset-requested"));
        Assert.Contains("Content-Type: text/plain; charset=utf-8", mail, StringComparison.Ordinal);
        Assert.Contains("Subject: =?utf-8?B?", mail, StringComparison.Ordinal);
        Assert.Contains("Kính gửi Trịnh Văn Phúc", mail, StringComparison.Ordinal);
        Assert.Equal(fixture.Host.BaseAddress.Authority, link.Authority);
        Assert.NotNull(done.TestId("reset-done"));
        Assert.True(reused.Shows("không hợp lệ, đã được dùng hoặc đã hết hạn"), reused.Html); // a link works once
        using var fresh = fixture.NewBrowser();
        Assert.True((await fresh.SignInAsync("trinh.van.phuc", OfficerHostFixture.Password)).Shows("Tên đăng nhập hoặc mật khẩu không đúng."));
        Assert.Equal("/", (await fresh.SignInAsync("trinh.van.phuc", NewPassword)).Address.AbsolutePath);
        var id = officer.Id.ToString("D");
        Assert.Single(await fixture.AuditAsync(AuditActions.PasswordResetRequested, id));
        Assert.Single(await fixture.AuditAsync(AuditActions.PasswordReset, id));
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_GivesTheSameAnswerAndSendsNothing()
    {
        var officer = await fixture.CreateOfficerAsync("mai.thi.quynh", "Mai Thị Quỳnh", [OfficerRole.Clerk]);
        using var browser = fixture.NewBrowser();

        var known = await RequestResetAsync(browser, officer.Email!);
        var unknown = await RequestResetAsync(browser, "khong.co.ai@stp.laocai.gov.vn");

        Assert.Equal(known.TestId("reset-requested"), unknown.TestId("reset-requested"));
        Assert.Empty(fixture.MailsTo("khong.co.ai@stp.laocai.gov.vn"));
        Assert.Single(fixture.MailsTo(officer.Email!));
    }

    [Fact]
    public async Task ResetPassword_ForgedToken_IsRefusedAndThePasswordStays()
    {
        var officer = await fixture.CreateOfficerAsync("cao.van.son", "Cao Văn Sơn", [OfficerRole.Specialist]);
        using var browser = fixture.NewBrowser();
        var forged = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("CfDJ8-not-a-real-token"));

        var form = await browser.GetAsync($"/account/reset-password?email={Uri.EscapeDataString(officer.Email!)}&token={forged}");
        var refused = await browser.SubmitAsync(form, "reset-password", NewPasswordFields(NewPassword));
        var garbled = await browser.GetAsync($"/account/reset-password?email={Uri.EscapeDataString(officer.Email!)}&token=%25%25%25");
        var refusedGarbled = await browser.SubmitAsync(garbled, "reset-password", NewPasswordFields(NewPassword));

        Assert.True(refused.Shows("không hợp lệ, đã được dùng hoặc đã hết hạn"), refused.Html);
        Assert.True(refusedGarbled.Shows("không hợp lệ, đã được dùng hoặc đã hết hạn"), refusedGarbled.Html);
        Assert.Equal("/", (await browser.SignInAsync("cao.van.son", OfficerHostFixture.Password)).Address.AbsolutePath);
        Assert.Empty(await fixture.AuditAsync(AuditActions.PasswordReset, officer.Id.ToString("D")));
    }

    [Fact]
    public async Task ResetPassword_LinkWithoutToken_SaysTheLinkIsInvalid()
    {
        using var browser = fixture.NewBrowser();

        var page = await browser.GetAsync("/account/reset-password");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.True(page.Shows("không hợp lệ, đã được dùng hoặc đã hết hạn"), page.Html);
    }

    private static async Task<OfficerPage> RequestResetAsync(OfficerBrowser browser, string email)
    {
        var page = await browser.GetAsync("/account/forgot-password");
        return await browser.SubmitAsync(page, "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
    }

    private static Dictionary<string, string> NewPasswordFields(string password) => new()
    {
        ["Input.New"] = password,
        ["Input.Confirm"] = password,
    };

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
