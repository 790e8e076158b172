using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>Citizen sign-in at the portal through the real OpenID Connect flow against the development provider.</summary>
public sealed class CitizenSignInTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string WrongCredentials = "Số định danh cá nhân hoặc mật khẩu không đúng.";

    [Fact]
    public async Task Portal_FirstSignIn_AsksConsentShowsProfileAndRecordsApplicant()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host, "Đặng Quốc Bảo");
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);

        var login = await browser.GetAsync("/portal");
        var consent = await CitizenSignInFlow.LogInAsync(browser, login, citizen.PersonalIdNumber);
        var portal = await CitizenSignInFlow.AnswerConsentAsync(browser, consent, AuthorizeEndpoint.Accept);

        Assert.Contains(login.Visited, address => address.AbsolutePath == "/connect/authorize");
        Assert.Contains("Số định danh cá nhân, loại tài khoản và mức độ định danh điện tử", consent.Text, StringComparison.Ordinal);
        Assert.Contains(portal.Visited, address => address.AbsolutePath == "/signin-vneid");
        Assert.Equal(HttpStatusCode.OK, portal.Status);
        Assert.Equal("/portal", portal.Address.AbsolutePath);
        Assert.Contains("Hồ sơ cá nhân", portal.Text, StringComparison.Ordinal);
        Assert.Contains("Đặng Quốc Bảo", portal.Text, StringComparison.Ordinal);
        Assert.Contains("••••••••" + citizen.PersonalIdNumber[^4..], portal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.PersonalIdNumber, portal.Html, StringComparison.Ordinal);
        Assert.Contains("30/04/1990", portal.Text, StringComparison.Ordinal);
        Assert.Contains("Mức 2", portal.Text, StringComparison.Ordinal);

        var profile = await QueryAsync(db => db.ApplicantProfiles.SingleAsync(p => p.Subject == citizen.Subject));
        Assert.Equal(citizen.PersonalIdNumber, profile.PersonalIdNumber);
        Assert.Equal(2, profile.AssuranceLevel);
        Assert.Equal(fixture.Host.BaseAddress.ToString(), profile.Issuer);
        Assert.Equal("Số 7 đường Nguyễn Huệ, phường Sài Gòn, Thành phố Hồ Chí Minh", profile.Address);
        Assert.Equal(new DateOnly(1990, 4, 30), profile.BirthDate);
        Assert.Equal("female", profile.Gender);
        Assert.True(await QueryAsync(db => db.AuditLog.AnyAsync(e => e.Action == "applicant.signed-in" && e.TargetId == profile.Id.ToString())));
    }

    [Fact]
    public async Task Portal_SignInAgainAfterSignOut_SkipsConsentAndUpdatesLastSignIn()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var portal = await CitizenSignInFlow.SignInAtPortalAsync(browser, citizen);
        var first = await QueryAsync(db => db.ApplicantProfiles.SingleAsync(p => p.Subject == citizen.Subject));

        await SignOutAsync(browser, portal);
        var login = await browser.GetAsync("/portal");
        var again = await CitizenSignInFlow.LogInAsync(browser, login, citizen.PersonalIdNumber);

        Assert.DoesNotContain(again.Visited, address => address.AbsolutePath == "/idp/consent");
        Assert.Equal("/portal", again.Address.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var second = await QueryAsync(db => db.ApplicantProfiles.SingleAsync(p => p.Subject == citizen.Subject));
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.LastSignInAt > first.LastSignInAt);
        Assert.Equal(first.FirstSignInAt, second.FirstSignInAt);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsGenericErrorAndStartsNoSession()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);

        var login = await browser.GetAsync("/portal");
        var result = await CitizenSignInFlow.LogInAsync(browser, login, citizen.PersonalIdNumber, "khong-dung-mat-khau");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("/idp/login", result.Address.AbsolutePath);
        Assert.Contains(WrongCredentials, result.Text, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("khong-dung-mat-khau", result.Html, StringComparison.Ordinal);
        Assert.Null(browser.CookiesFor("/")[ProviderSession.CookieName]);
        Assert.Null(browser.CookiesFor("/")["psb.citizen"]);
    }

    [Fact]
    public async Task Login_UnknownPersonalId_ShowsTheSameMessage()
    {
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);

        var login = await browser.GetAsync("/portal");
        var result = await CitizenSignInFlow.LogInAsync(browser, login, CitizenSignInFlow.NewPersonalId());

        Assert.Equal("/idp/login", result.Address.AbsolutePath);
        Assert.Contains(WrongCredentials, result.Text, StringComparison.Ordinal);
        Assert.Null(browser.CookiesFor("/")[ProviderSession.CookieName]);
    }

    [Fact]
    public async Task Callback_TamperedState_GoesToSignInFailedWithoutSession()
    {
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        await browser.GetAsync("/portal"); // sets the correlation and nonce cookies a real attempt would have

        var result = await browser.GetAsync("/signin-vneid?code=abc&state=tampered");

        Assert.Equal("/portal/sign-in-failed", result.Address.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Thử lại", result.Text, StringComparison.Ordinal);
        Assert.Null(browser.CookiesFor("/")["psb.citizen"]);
    }

    [Fact]
    public async Task Consent_Refused_GoesToSignInFailedNotSignedIn()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var login = await browser.GetAsync("/portal");
        var consent = await CitizenSignInFlow.LogInAsync(browser, login, citizen.PersonalIdNumber);

        var result = await CitizenSignInFlow.AnswerConsentAsync(browser, consent, AuthorizeEndpoint.Deny);

        Assert.Contains(result.Visited, address => address.AbsolutePath == "/signin-vneid" && address.Query.Contains("error=access_denied", StringComparison.Ordinal));
        Assert.Equal("/portal/sign-in-failed", result.Address.AbsolutePath);
        Assert.Null(browser.CookiesFor("/")["psb.citizen"]);
        Assert.False(await QueryAsync(db => db.ApplicantProfiles.AnyAsync(p => p.Subject == citizen.Subject)));
    }

    [Fact]
    public async Task Consent_WithoutAntiforgeryToken_IsAskedAgainNotAccepted()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var login = await browser.GetAsync("/portal");
        var consent = await CitizenSignInFlow.LogInAsync(browser, login, citizen.PersonalIdNumber);
        var form = consent.Form("/connect/authorize");
        var forged = form with { Fields = [.. form.Fields.Where(f => f.Key != "__RequestVerificationToken")] };

        var result = await browser.SubmitAsync(consent, forged, button: (AuthorizeEndpoint.DecisionField, AuthorizeEndpoint.Accept));

        Assert.Equal("/idp/consent", result.Address.AbsolutePath);
        Assert.Null(browser.CookiesFor("/")["psb.citizen"]);
    }

    [Fact]
    public async Task SignOut_EndsPortalAndProviderSessions()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var portal = await CitizenSignInFlow.SignInAtPortalAsync(browser, citizen);

        var home = await SignOutAsync(browser, portal);
        var next = await browser.GetAsync("/portal");

        Assert.Contains(home.Visited, address => address.AbsolutePath == "/connect/endsession");
        Assert.Contains(home.Visited, address => address.AbsolutePath == "/signout-callback-vneid");
        Assert.Equal("/", home.Address.AbsolutePath);
        Assert.Null(browser.CookiesFor("/")["psb.citizen"]);
        Assert.Null(browser.CookiesFor("/")[ProviderSession.CookieName]);
        Assert.Equal("/idp/login", next.Address.AbsolutePath);
        Assert.True(await QueryAsync(db => db.AuditLog.AnyAsync(e => e.Action == "applicant.signed-out" && e.ActorKind == "applicant")));
    }

    [Fact]
    public async Task Portal_Anonymous_RedirectsToTheProvider()
    {
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);

        var result = await browser.GetAsync("/portal", stopAt: _ => true);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(new Uri(fixture.Host.BaseAddress, "/connect/authorize").GetLeftPart(UriPartial.Path), result.Location!.GetLeftPart(UriPartial.Path));
        Assert.Contains("client_id=psb-portal", result.Location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", result.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_OfficerCookie_DoesNotOpenThePortal()
    {
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        browser.Cookies.Add(fixture.Host.BaseAddress, new System.Net.Cookie("psb.officer", OfficerCookie()));

        var result = await browser.GetAsync("/portal", stopAt: _ => true);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/connect/authorize", result.Location!.AbsolutePath);
    }

    private static async Task<BrowserPage> SignOutAsync(CitizenBrowser browser, BrowserPage portal)
    {
        Assert.Equal("/portal", portal.Address.AbsolutePath);
        return await browser.SubmitAsync(portal, portal.Form("portal-sign-out"));
    }

    /// <summary>An officer's application cookie, protected with the host's own keys (as if the officer had signed in).</summary>
    private string OfficerCookie()
    {
        var options = fixture.Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "can.bo@example.com")],
            IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), IdentityConstants.ApplicationScheme));
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
