using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>The steps of a citizen's sign-in at the development provider, as a person takes them in the browser.</summary>
internal static class CitizenSignInFlow
{
    public const string Password = "mat-khau-thu-nghiem";

    /// <summary>A new 12-digit personal ID number (province code 079, Ho Chi Minh City), different in every call.</summary>
    public static string NewPersonalId() => "079" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    public static async Task<CitizenAccount> CreateCitizenAsync(TestHost host, string fullName = "Phạm Thị Hồng Nhung", int assuranceLevel = 2)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CitizenAccounts>();
        var (account, errors) = await accounts.CreateAsync(
            new NewCitizenAccount(NewPersonalId(), fullName, new DateOnly(1990, 4, 30), Genders.Female, "0901234567", "nhung@example.com",
                "Số 7 đường Nguyễn Huệ, phường Sài Gòn, Thành phố Hồ Chí Minh", Password, assuranceLevel),
            CancellationToken.None);
        Assert.Empty(errors);
        return account!;
    }

    public static Task<BrowserPage> LogInAsync(CitizenBrowser browser, BrowserPage loginPage, string personalId, string password = Password, Func<Uri, bool>? stopAt = null)
    {
        Assert.Equal("/idp/login", loginPage.Address.AbsolutePath);
        return browser.SubmitAsync(loginPage, loginPage.Form("idp-login"),
            new Dictionary<string, string> { ["Input.PersonalIdNumber"] = personalId, ["Input.Password"] = password }, stopAt: stopAt);
    }

    public static Task<BrowserPage> AnswerConsentAsync(CitizenBrowser browser, BrowserPage consentPage, string decision, Func<Uri, bool>? stopAt = null)
    {
        Assert.Equal("/idp/consent", consentPage.Address.AbsolutePath);
        return browser.SubmitAsync(consentPage, consentPage.Form("/connect/authorize"), button: (AuthorizeEndpoint.DecisionField, decision), stopAt: stopAt);
    }

    /// <summary>From the portal through sign-in and consent back to the portal's profile page.</summary>
    public static async Task<BrowserPage> SignInAtPortalAsync(CitizenBrowser browser, CitizenAccount citizen)
    {
        var login = await browser.GetAsync("/portal");
        var consent = await LogInAsync(browser, login, citizen.PersonalIdNumber);
        return consent.Address.AbsolutePath == "/idp/consent" ? await AnswerConsentAsync(browser, consent, AuthorizeEndpoint.Accept) : consent;
    }
}
