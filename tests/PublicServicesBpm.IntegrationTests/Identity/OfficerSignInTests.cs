using System.Net;
using Microsoft.AspNetCore.Identity;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

public sealed class OfficerSignInTests(OfficerHostFixture fixture) : IClassFixture<OfficerHostFixture>
{
    private const string WrongPassword = "Sai-mật-khẩu-2025!";

    [Fact]
    public async Task Login_CorrectPassword_SetsStrictHttpOnlyCookieAndManageShowsTheOfficer()
    {
        var officer = await fixture.CreateOfficerAsync("nguyen.van.an", "Nguyễn Văn An", [OfficerRole.Specialist, OfficerRole.OneStopOfficer]);
        using var browser = fixture.NewBrowser();

        var landing = await browser.SignInAsync("nguyen.van.an", OfficerHostFixture.Password);
        var manage = await browser.GetAsync("/account/manage");

        Assert.Equal("/", landing.Address.AbsolutePath);
        var cookie = browser.SetCookieHeaders.Single(h => h.StartsWith("psb.officer=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, manage.Status);
        Assert.Equal("/account/manage", manage.Address.AbsolutePath);
        Assert.Equal("Nguyễn Văn An", manage.TestId("officer-full-name"));
        Assert.Equal("Nguyễn Văn An", manage.TestId("signed-in-officer"));
        Assert.True(manage.Shows("Chuyên viên") && manage.Shows("Cán bộ một cửa") && manage.Shows(OfficerHostFixture.AgencyName), manage.Html);
        var signedIn = Assert.Single(await fixture.AuditAsync(AuditActions.OfficerSignedIn, officer.Id.ToString("D")));
        Assert.Equal(AuditActorKind.Officer, signedIn.ActorKind);
        Assert.Equal(officer.Id.ToString("D"), signedIn.ActorId);
    }

    [Fact]
    public async Task Login_ByEmailWithoutAnyGrant_SignsInAndManageSaysNoRole()
    {
        await fixture.CreateOfficerAsync("tran.thi.binh", "Trần Thị Bình");
        using var browser = fixture.NewBrowser();

        await browser.SignInAsync("tran.thi.binh@stp.laocai.gov.vn", OfficerHostFixture.Password);
        var manage = await browser.GetAsync("/account/manage");

        Assert.Equal("/account/manage", manage.Address.AbsolutePath);
        Assert.Equal("Trần Thị Bình", manage.TestId("officer-full-name"));
        Assert.True(manage.Shows("chưa được giao vai trò nào"), manage.Html);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountSoTheRightPasswordIsRefused()
    {
        var officer = await fixture.CreateOfficerAsync("le.van.cuong", "Lê Văn Cường", [OfficerRole.Clerk]);
        using var browser = fixture.NewBrowser();

        var attempts = new List<OfficerPage>();
        for (var i = 0; i < 5; i++)
        {
            attempts.Add(await browser.SignInAsync("le.van.cuong", WrongPassword));
        }
        var sixth = await browser.SignInAsync("le.van.cuong", OfficerHostFixture.Password);

        Assert.All(attempts[..4], page => Assert.True(page.Shows("Tên đăng nhập hoặc mật khẩu không đúng."), page.Html));
        Assert.True(attempts[4].Shows("khóa 15 phút"), attempts[4].Html);
        Assert.True(sixth.Shows("khóa 15 phút"), sixth.Html);
        Assert.Equal("/account/login", sixth.Address.AbsolutePath);
        Assert.Null(browser.Cookie("psb.officer"));
        var stored = await fixture.FindOfficerAsync(officer.Id);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        var id = officer.Id.ToString("D");
        var failures = await fixture.AuditAsync(AuditActions.OfficerSignInFailed, "le.van.cuong");
        Assert.Equal(5, failures.Count); // four wrong passwords, then the right one while locked
        Assert.All(failures, f => Assert.Equal((AuditActorKind.Anonymous, AuditOutcome.Denied), (f.ActorKind, f.Outcome)));
        Assert.All(failures, f => Assert.Contains(id, f.Details, StringComparison.Ordinal));
        Assert.Contains("locked-out", failures[^1].Details, StringComparison.Ordinal);
        Assert.Single(await fixture.AuditAsync(AuditActions.OfficerLockedOut, id));
        Assert.Empty(await fixture.AuditAsync(AuditActions.OfficerSignedIn, id));
    }

    [Fact]
    public async Task Login_DisabledAccount_RefusedWithTheSameMessageAsAWrongPassword()
    {
        await fixture.CreateOfficerAsync("pham.thi.dung", "Phạm Thị Dung", [OfficerRole.Specialist], disabled: true);
        using var browser = fixture.NewBrowser();

        var page = await browser.SignInAsync("pham.thi.dung", OfficerHostFixture.Password);

        Assert.Equal("/account/login", page.Address.AbsolutePath);
        Assert.True(page.Shows("Tên đăng nhập hoặc mật khẩu không đúng."), page.Html);
        Assert.Null(browser.Cookie("psb.officer"));
        Assert.Contains(await fixture.AuditAsync(AuditActions.OfficerSignInFailed, "pham.thi.dung"), e => e.Details!.Contains("disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_UnknownName_RecordsTheAttemptedNameAnonymously()
    {
        using var browser = fixture.NewBrowser();

        var page = await browser.SignInAsync("khong.ton.tai", WrongPassword);

        Assert.True(page.Shows("Tên đăng nhập hoặc mật khẩu không đúng."), page.Html);
        var failure = Assert.Single(await fixture.AuditAsync(AuditActions.OfficerSignInFailed, "khong.ton.tai"));
        Assert.Equal(AuditActorKind.Anonymous, failure.ActorKind);
    }

    [Fact]
    public async Task Login_EmptyFields_ShowsWhatIsMissingWithoutA500()
    {
        using var browser = fixture.NewBrowser();

        var page = await browser.SignInAsync(string.Empty, string.Empty);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Shows("role=\"alert\"") && page.Shows("Nhập tên đăng nhập hoặc thư điện tử.") && page.Shows("Nhập mật khẩu."), page.Html);
    }

    [Fact]
    public async Task Login_OffSiteReturnUrl_IsIgnoredButALocalOneIsHonoured()
    {
        await fixture.CreateOfficerAsync("hoang.van.em", "Hoàng Văn Em", [OfficerRole.Specialist]);
        using var evilBrowser = fixture.NewBrowser();
        using var localBrowser = fixture.NewBrowser();

        var evil = await evilBrowser.SignInAsync("hoang.van.em", OfficerHostFixture.Password, returnUrl: "https://evil.example/steal");
        var protocolRelative = await evilBrowser.SignInAsync("hoang.van.em", OfficerHostFixture.Password, returnUrl: "//evil.example/steal");
        var local = await localBrowser.SignInAsync("hoang.van.em", OfficerHostFixture.Password, returnUrl: "/account/manage");

        Assert.DoesNotContain(evilBrowser.Redirects, r => r.Host.Contains("evil", StringComparison.Ordinal));
        Assert.Equal(fixture.Host.BaseAddress.Authority, evil.Address.Authority);
        Assert.Equal("/", evil.Address.AbsolutePath);
        Assert.Equal("/", protocolRelative.Address.AbsolutePath);
        Assert.Equal("/account/manage", local.Address.AbsolutePath);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Is400AndTheSessionStays()
    {
        await fixture.CreateOfficerAsync("vu.thi.giang", "Vũ Thị Giang", [OfficerRole.Specialist]);
        using var browser = fixture.NewBrowser();
        await browser.SignInAsync("vu.thi.giang", OfficerHostFixture.Password);

        using var forged = await browser.PostAsync("/account/logout", new Dictionary<string, string>());
        var stillSignedIn = await browser.GetAsync("/account/manage");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("/account/manage", stillSignedIn.Address.AbsolutePath);
    }

    [Fact]
    public async Task Logout_FromTheLayoutForm_EndsTheSessionAndIsRecorded()
    {
        var officer = await fixture.CreateOfficerAsync("dang.van.hai", "Đặng Văn Hải", [OfficerRole.Specialist]);
        using var browser = fixture.NewBrowser();
        await browser.SignInAsync("dang.van.hai", OfficerHostFixture.Password);

        var home = await browser.SignOutAsync();
        var manage = await browser.GetAsync("/account/manage");

        Assert.Equal("/", home.Address.AbsolutePath);
        Assert.True(home.Shows("Đăng nhập cán bộ") && home.Shows("Đăng nhập công dân (VNeID)"), home.Html);
        Assert.Equal("/account/login", manage.Address.AbsolutePath);
        Assert.Single(await fixture.AuditAsync(AuditActions.OfficerSignedOut, officer.Id.ToString("D")));
    }

    [Fact]
    public async Task Login_PasswordSetByAdministrator_LeadsToChangePasswordWhichClearsTheFlag()
    {
        const string newPassword = "Của-riêng-tôi-2025#";
        var officer = await fixture.CreateOfficerAsync("bui.thi.khanh", "Bùi Thị Khánh", [OfficerRole.Specialist], mustChangePassword: true);
        using var browser = fixture.NewBrowser();

        var change = await browser.SignInAsync("bui.thi.khanh", OfficerHostFixture.Password, returnUrl: "/account/manage");
        var mismatch = await browser.SubmitAsync(change, "change-password", PasswordFields(OfficerHostFixture.Password, newPassword, newPassword + "x"));
        var weak = await browser.SubmitAsync(mismatch, "change-password", PasswordFields(OfficerHostFixture.Password, "ngan", "ngan"));
        var done = await browser.SubmitAsync(weak, "change-password", PasswordFields(OfficerHostFixture.Password, newPassword, newPassword));

        Assert.Equal("/account/manage/password", change.Address.AbsolutePath);
        Assert.True(change.Shows("Mật khẩu hiện tại do người khác đặt cho bạn."), change.Html);
        Assert.True(mismatch.Shows("Hai lần nhập mật khẩu mới không giống nhau."), mismatch.Html);
        Assert.True(weak.Shows("ít nhất 12 ký tự") && weak.Shows("chữ hoa"), weak.Html);
        Assert.DoesNotContain(newPassword, weak.Html, StringComparison.Ordinal);
        Assert.Equal("/account/manage", done.Address.AbsolutePath); // still signed in, back where the officer was going
        Assert.False((await fixture.FindOfficerAsync(officer.Id)).MustChangePassword);
        Assert.Single(await fixture.AuditAsync(AuditActions.PasswordChanged, officer.Id.ToString("D")));
        using var fresh = fixture.NewBrowser();
        Assert.Equal("/", (await fresh.SignInAsync("bui.thi.khanh", newPassword)).Address.AbsolutePath);
    }

    [Fact]
    public async Task Manage_Anonymous_RedirectsToLogin()
    {
        using var browser = fixture.NewBrowser();

        var page = await browser.GetAsync("/account/manage/two-factor");

        Assert.Equal("/account/login", page.Address.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Faccount%2Fmanage%2Ftwo-factor", page.Address.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OfficerScheme_ConstantForAttributes_IsIdentitysApplicationScheme() =>
        Assert.Equal(OfficerSignIn.Scheme, IdentityConstants.ApplicationScheme);

    private static Dictionary<string, string> PasswordFields(string current, string proposed, string confirm) => new()
    {
        ["Input.Current"] = current,
        ["Input.New"] = proposed,
        ["Input.Confirm"] = confirm,
    };
}
