using System.Text.RegularExpressions;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

public sealed partial class OfficerTwoFactorTests(OfficerHostFixture fixture) : IClassFixture<OfficerHostFixture>
{
    [Fact]
    public async Task TwoFactor_EnabledOnTheManagePage_SignInAsksForTheCodeAndRefusesAWrongOne()
    {
        var officer = await fixture.CreateOfficerAsync("ngo.thi.lan", "Ngô Thị Lan", [OfficerRole.UnitLeader]);
        using var browser = fixture.NewBrowser();
        await browser.SignInAsync("ngo.thi.lan", OfficerHostFixture.Password);

        var (key, setUp, recoveryCodes) = await EnableTwoFactorAsync(browser);
        await browser.SignOutAsync();
        var second = await browser.SignInAsync("ngo.thi.lan", OfficerHostFixture.Password);
        var wrong = await browser.SubmitAsync(second, "two-factor-code", Code(WrongCodeFor(key)));
        var cookieAfterWrong = browser.Cookie("psb.officer");
        var right = await browser.SubmitAsync(wrong, "two-factor-code", Code(OfficerTotp.Code(key, DateTimeOffset.UtcNow)));
        var manage = await browser.GetAsync("/account/manage");

        Assert.Matches(SvgQrCode(), setUp.Html);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Single(await fixture.AuditAsync(AuditActions.TwoFactorEnabled, officer.Id.ToString("D")));
        Assert.Equal("/account/login-2fa", second.Address.AbsolutePath);
        Assert.True(wrong.Shows("Mã xác thực không đúng hoặc đã hết hạn."), wrong.Html);
        Assert.Null(cookieAfterWrong);
        Assert.Equal("/", right.Address.AbsolutePath);
        Assert.Equal("Ngô Thị Lan", manage.TestId("officer-full-name"));
        Assert.True(manage.Shows("Đang bật"), manage.Html);
    }

    [Fact]
    public async Task TwoFactor_RecoveryCode_SignsInOnceOnly()
    {
        await fixture.CreateOfficerAsync("do.van.minh", "Đỗ Văn Minh", [OfficerRole.Specialist]);
        using var browser = fixture.NewBrowser();
        await browser.SignInAsync("do.van.minh", OfficerHostFixture.Password);
        var (_, _, recoveryCodes) = await EnableTwoFactorAsync(browser);
        await browser.SignOutAsync();

        var firstStep = await browser.SignInAsync("do.van.minh", OfficerHostFixture.Password);
        var used = await browser.SubmitAsync(firstStep, "two-factor-recovery", Recovery(recoveryCodes[0]));
        await browser.SignOutAsync();
        var again = await browser.SignInAsync("do.van.minh", OfficerHostFixture.Password);
        var reused = await browser.SubmitAsync(again, "two-factor-recovery", Recovery(recoveryCodes[0]));

        Assert.Equal("/", used.Address.AbsolutePath);
        Assert.Equal("/account/login-2fa", reused.Address.AbsolutePath);
        Assert.True(reused.Shows("Mã khôi phục không đúng hoặc đã được dùng."), reused.Html);
        Assert.Equal("/", (await browser.SubmitAsync(reused, "two-factor-recovery", Recovery(recoveryCodes[1]))).Address.AbsolutePath);
    }

    [Fact]
    public async Task TwoFactor_Disabled_SignInNeedsOnlyThePasswordAgain()
    {
        var officer = await fixture.CreateOfficerAsync("ly.thi.nga", "Lý Thị Nga", [OfficerRole.Specialist]);
        using var browser = fixture.NewBrowser();
        await browser.SignInAsync("ly.thi.nga", OfficerHostFixture.Password);
        var (oldKey, _, _) = await EnableTwoFactorAsync(browser);

        var settings = await browser.GetAsync("/account/manage/two-factor");
        var disabled = await browser.SubmitAsync(settings, "two-factor-disable", new Dictionary<string, string>());
        await browser.SignOutAsync();
        var signedIn = await browser.SignInAsync("ly.thi.nga", OfficerHostFixture.Password);

        Assert.True(disabled.Shows("Đã tắt xác thực hai lớp."), disabled.Html);
        Assert.NotEqual(oldKey, disabled.TestId("authenticator-key")!.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("/", signedIn.Address.AbsolutePath);
        Assert.Single(await fixture.AuditAsync(AuditActions.TwoFactorDisabled, officer.Id.ToString("D")));
    }

    [Fact]
    public async Task TwoFactorSignIn_WithoutThePasswordStep_GoesBackToLogin()
    {
        using var browser = fixture.NewBrowser();

        var page = await browser.GetAsync("/account/login-2fa");

        Assert.Equal("/account/login", page.Address.AbsolutePath);
    }

    /// <summary>Turns two-factor on through the settings page, as the officer would with an authenticator app.</summary>
    private static async Task<(string Key, OfficerPage SetUp, List<string> RecoveryCodes)> EnableTwoFactorAsync(OfficerBrowser browser)
    {
        var setUp = await browser.GetAsync("/account/manage/two-factor");
        var key = setUp.TestId("authenticator-key")!.Replace(" ", string.Empty, StringComparison.Ordinal);
        var wrong = await browser.SubmitAsync(setUp, "two-factor-enable", new Dictionary<string, string> { ["Enable.Code"] = WrongCodeFor(key) });
        Assert.True(wrong.Shows("Mã xác thực không đúng hoặc đã hết hạn."), wrong.Html);
        var enabled = await browser.SubmitAsync(wrong, "two-factor-enable", new Dictionary<string, string> { ["Enable.Code"] = OfficerTotp.Code(key, DateTimeOffset.UtcNow) });
        Assert.True(enabled.Shows("Đã bật xác thực hai lớp."), enabled.Html);
        var codes = RecoveryCodePattern().Matches(enabled.Html).Select(m => m.Groups["code"].Value).ToList();
        return (key, setUp, codes);
    }

    /// <summary>A code from an hour ago: valid in form, never accepted now.</summary>
    private static string WrongCodeFor(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var current = Enumerable.Range(-3, 7).Select(step => OfficerTotp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(1, 100).Select(hours => OfficerTotp.Code(key, now.AddHours(-hours))).First(code => !current.Contains(code));
    }

    private static Dictionary<string, string> Code(string code) => new() { ["Code.Value"] = code };

    private static Dictionary<string, string> Recovery(string code) => new() { ["Recovery.Value"] = code };

    [GeneratedRegex("""<li><code>(?<code>[^<]+)</code></li>""")]
    private static partial Regex RecoveryCodePattern();

    [GeneratedRegex("""<svg[^>]*role="img"[^>]*>\s*<title[^>]*>[^<]+</title>.*?<path fill="#000000" d="M""", RegexOptions.Singleline)]
    private static partial Regex SvgQrCode();
}
