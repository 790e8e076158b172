using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>The development identity provider at the protocol level: what a client sees at each endpoint.</summary>
public sealed class DevelopmentProviderTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string AllScopes = "openid profile email phone address citizen";

    [Fact]
    public async Task Token_AuthorizationCodeUsedTwice_SecondTimeIsInvalidGrant()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var (code, verifier) = await AuthorizeAsync(browser, citizen, AllScopes);

        using var first = await ExchangeAsync(code, verifier);
        using var replay = await ExchangeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        using var error = JsonDocument.Parse(await replay.Content.ReadAsStringAsync());
        Assert.Equal("invalid_grant", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_WrongCodeVerifier_IsInvalidGrant()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var (code, _) = await AuthorizeAsync(browser, citizen, AllScopes);

        using var response = await ExchangeAsync(code, NewVerifier());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_grant", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task IdentityToken_AllScopes_CarriesTheCitizensClaims()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host, "Võ Thị Sáu", assuranceLevel: 1);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var (code, verifier) = await AuthorizeAsync(browser, citizen, AllScopes);

        using var tokens = await TokensAsync(code, verifier);
        var claims = Payload(tokens.RootElement.GetProperty("id_token").GetString()!);

        Assert.Equal(citizen.Subject, claims.GetProperty("sub").GetString());
        Assert.Equal("Võ Thị Sáu", claims.GetProperty("name").GetString());
        Assert.Equal("1990-04-30", claims.GetProperty("birthdate").GetString());
        Assert.Equal("female", claims.GetProperty("gender").GetString());
        Assert.Equal(citizen.PersonalIdNumber, claims.GetProperty("personal_id").GetString());
        Assert.Equal("citizen", claims.GetProperty("account_type").GetString());
        Assert.Equal(1, claims.GetProperty("assurance_level").GetInt32());
        Assert.Equal("nhung@example.com", claims.GetProperty("email").GetString());
        Assert.Equal("0901234567", claims.GetProperty("phone_number").GetString());
        Assert.Equal(citizen.Address, claims.GetProperty("address").GetProperty("formatted").GetString());
        Assert.Equal("test-nonce", claims.GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task UserInfo_ProfileScopeOnly_ReturnsNoPersonalIdEmailPhoneOrAddress()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var (code, verifier) = await AuthorizeAsync(browser, citizen, "openid profile");
        using var tokens = await TokensAsync(code, verifier);
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.RootElement.GetProperty("access_token").GetString());

        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(citizen.Subject, body.RootElement.GetProperty("sub").GetString());
        Assert.Equal(citizen.FullName, body.RootElement.GetProperty("name").GetString());
        Assert.False(body.RootElement.TryGetProperty("personal_id", out _));
        Assert.False(body.RootElement.TryGetProperty("email", out _));
        Assert.False(body.RootElement.TryGetProperty("phone_number", out _));
        Assert.False(body.RootElement.TryGetProperty("address", out _));
        var idToken = Payload(tokens.RootElement.GetProperty("id_token").GetString()!);
        Assert.False(idToken.TryGetProperty("personal_id", out _));
    }

    [Fact]
    public async Task UserInfo_NoAccessToken_IsRefused()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/connect/userinfo", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.DoesNotContain("\"sub\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_PromptNoneWithoutSession_AnswersLoginRequiredToTheClient()
    {
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);

        var result = await browser.GetAsync(AuthorizeUrl("openid", NewVerifier(), prompt: "none"), stopAt: AtClient);

        Assert.Equal("/signin-vneid", result.Location!.AbsolutePath);
        var query = QueryHelpers.ParseQuery(result.Location.Query);
        Assert.Equal("login_required", query["error"].ToString());
        Assert.Equal("test-state", query["state"].ToString());
    }

    [Fact]
    public async Task Authorize_PromptLoginWhileSignedIn_AsksForThePasswordAgain()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        await AuthorizeAsync(browser, citizen, "openid profile");

        var again = await browser.GetAsync(AuthorizeUrl("openid profile", NewVerifier(), prompt: "login"), stopAt: AtClient);
        var afterLogin = await CitizenSignInFlow.LogInAsync(browser, again, citizen.PersonalIdNumber, stopAt: AtClient);

        Assert.Equal("/idp/login", again.Address.AbsolutePath);
        // Back at the client with a code: the new sign-in satisfied prompt=login instead of asking forever.
        Assert.Equal("/signin-vneid", afterLogin.Location!.AbsolutePath);
        Assert.NotEmpty(QueryHelpers.ParseQuery(afterLogin.Location.Query)["code"].ToString());
    }

    [Fact]
    public async Task Login_ReturnUrlOutsideTheProvider_GoesToTheHomePage()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var login = await browser.GetAsync("/idp/login?returnUrl=" + Uri.EscapeDataString("https://evil.example/connect/authorize"));

        var result = await CitizenSignInFlow.LogInAsync(browser, login, citizen.PersonalIdNumber, stopAt: _ => true);

        Assert.Equal(new Uri(fixture.Host.BaseAddress, "/"), result.Location);
        Assert.NotNull(browser.CookiesFor("/")[ProviderSession.CookieName]);
    }

    [Fact]
    public async Task Login_InEnglish_ShowsEnglishTextsAndTheStandInBanner()
    {
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);

        var page = await browser.GetAsync("/idp/login?culture=en");

        Assert.Contains("lang=\"en\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Personal ID number", page.Text, StringComparison.Ordinal);
        Assert.Contains("Development environment: this is a stand-in identity provider replacing VNeID", page.Text, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_BadInput_ShowsPlainMessagesAndCreatesNothing()
    {
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var page = await browser.GetAsync("/idp/register");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var result = await browser.SubmitAsync(page, page.Form("idp-register"), new Dictionary<string, string>
        {
            ["Input.PersonalIdNumber"] = "07909012345",
            ["Input.FullName"] = "Hồ Văn Thử",
            ["Input.BirthDate"] = tomorrow,
            ["Input.Gender"] = "male",
            ["Input.Password"] = "mot-mat-khau-dai",
            ["Input.ConfirmPassword"] = "mot-mat-khau-khac",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("role=\"alert\"", result.Html, StringComparison.Ordinal);
        Assert.Contains("Số định danh cá nhân phải gồm đúng 12 chữ số.", result.Text, StringComparison.Ordinal);
        Assert.Contains("Ngày sinh phải trước ngày hôm nay.", result.Text, StringComparison.Ordinal);
        Assert.Contains("Hai mật khẩu không giống nhau.", result.Text, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.CitizenAccounts.AnyAsync(a => a.FullName == "Hồ Văn Thử")));
    }

    [Fact]
    public async Task Register_ValidInput_CreatesLevelOneAccountThatCanSignIn()
    {
        var personalId = CitizenSignInFlow.NewPersonalId();
        using var browser = new CitizenBrowser(fixture.Host.BaseAddress);
        var page = await browser.GetAsync("/idp/register");

        var login = await browser.SubmitAsync(page, page.Form("idp-register"), new Dictionary<string, string>
        {
            ["Input.PersonalIdNumber"] = personalId,
            ["Input.FullName"] = "Bùi Thị Xuân",
            ["Input.BirthDate"] = "1995-01-31",
            ["Input.Gender"] = "female",
            ["Input.Email"] = "xuan@example.com",
            ["Input.Password"] = "mat-khau-moi-123",
            ["Input.ConfirmPassword"] = "mat-khau-moi-123",
        });
        var signedIn = await CitizenSignInFlow.LogInAsync(browser, login, personalId, "mat-khau-moi-123", stopAt: _ => true);

        Assert.Contains("Tài khoản đã được tạo", login.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var account = await QueryAsync(db => db.CitizenAccounts.SingleAsync(a => a.PersonalIdNumber == personalId));
        Assert.Equal(1, account.AssuranceLevel);
        Assert.Equal(new DateOnly(1995, 1, 31), account.BirthDate);
        Assert.DoesNotContain("mat-khau-moi-123", account.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_PersonalIdAlreadyRegistered_IsRefused()
    {
        var citizen = await CitizenSignInFlow.CreateCitizenAsync(fixture.Host);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CitizenAccounts>();

        var (account, errors) = await accounts.CreateAsync(
            new NewCitizenAccount(citizen.PersonalIdNumber, "Người Khác", new DateOnly(1980, 1, 1), Genders.Other, null, null, null, "mat-khau-bat-ky", 1),
            CancellationToken.None);

        Assert.Null(account);
        Assert.Equal(CitizenAccountErrors.PersonalIdTaken, Assert.Single(errors).Code);
    }

    private async Task<(string Code, string Verifier)> AuthorizeAsync(CitizenBrowser browser, CitizenAccount citizen, string scope)
    {
        var verifier = NewVerifier();
        var page = await browser.GetAsync(AuthorizeUrl(scope, verifier), stopAt: AtClient);
        if (page.Address.AbsolutePath == "/idp/login")
        {
            page = await CitizenSignInFlow.LogInAsync(browser, page, citizen.PersonalIdNumber, stopAt: AtClient);
        }
        if (page.Address.AbsolutePath == "/idp/consent")
        {
            page = await CitizenSignInFlow.AnswerConsentAsync(browser, page, AuthorizeEndpoint.Accept, stopAt: AtClient);
        }
        Assert.Equal("/signin-vneid", page.Location?.AbsolutePath);
        return (QueryHelpers.ParseQuery(page.Location!.Query)["code"].ToString(), verifier);
    }

    private string AuthorizeUrl(string scope, string verifier, string? prompt = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = "psb-portal",
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = "test-state",
            ["nonce"] = "test-nonce",
            ["code_challenge"] = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        };
        if (prompt is not null)
        {
            parameters["prompt"] = prompt;
        }
        return QueryHelpers.AddQueryString("/connect/authorize", parameters);
    }

    private async Task<HttpResponseMessage> ExchangeAsync(string code, string verifier)
    {
        using var client = fixture.Host.CreateClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = "psb-portal",
            ["code_verifier"] = verifier,
        });
        return await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
    }

    private async Task<JsonDocument> TokensAsync(string code, string verifier)
    {
        using var response = await ExchangeAsync(code, verifier);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text);
    }

    private static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement;

    private static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static bool AtClient(Uri address) => address.AbsolutePath == "/signin-vneid";

    private string RedirectUri => new Uri(fixture.Host.BaseAddress, "/signin-vneid").ToString();

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
