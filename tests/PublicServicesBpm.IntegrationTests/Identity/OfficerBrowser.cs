using System.Net;
using System.Text.RegularExpressions;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>A page as the browser received it: where it ended up after redirects, its status and its HTML.</summary>
public sealed record OfficerPage(Uri Address, HttpStatusCode Status, string Html)
{
    /// <summary>The text content of the element with this <c>data-testid</c>, or null.</summary>
    public string? TestId(string id)
    {
        var match = Regex.Match(Html, $"""data-testid="{Regex.Escape(id)}"[^>]*>(?<text>.*?)</""", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value).Trim() : null;
    }

    public bool Shows(string text) => WebUtility.HtmlDecode(Html).Contains(text, StringComparison.Ordinal);
}

/// <summary>
/// Just enough of a browser for the server-rendered account pages: keeps cookies, follows redirects itself (so
/// tests can see them), and submits a page's form by its name with the form's own hidden fields (anti-forgery
/// token, <c>_handler</c>) plus the fields the test fills in.
/// </summary>
public sealed partial class OfficerBrowser : IDisposable
{
    private const int MaxRedirects = 10;
    private readonly HttpClient _client;

    public OfficerBrowser(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Every Set-Cookie header received, in order (to check cookie attributes).</summary>
    public List<string> SetCookieHeaders { get; } = [];

    /// <summary>Every redirect target received, in order.</summary>
    public List<Uri> Redirects { get; } = [];

    public Task<OfficerPage> GetAsync(string path) => FollowAsync(new Uri(_client.BaseAddress!, path));

    /// <summary>Opens the sign-in page (with <paramref name="returnUrl"/> when given) and submits name and password.</summary>
    public async Task<OfficerPage> SignInAsync(string login, string password, string? returnUrl = null)
    {
        var page = await GetAsync(returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return await SubmitAsync(page, "login", new Dictionary<string, string> { ["Input.UserName"] = login, ["Input.Password"] = password });
    }

    /// <summary>Signs out with the layout's sign-out form, as the button does.</summary>
    public async Task<OfficerPage> SignOutAsync()
    {
        var page = await GetAsync("/account/manage");
        using var response = await PostAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(page) });
        return await ConcludeAsync(response, new Uri(_client.BaseAddress!, "/account/logout"));
    }

    /// <summary>Fills in and submits the form whose <c>_handler</c> is <paramref name="formName"/>, then follows redirects.</summary>
    public async Task<OfficerPage> SubmitAsync(OfficerPage page, string formName, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await PostFormAsync(page, formName, fields);
        return await ConcludeAsync(response, page.Address);
    }

    /// <summary>Submits the form and returns the raw response (no redirect followed).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(OfficerPage page, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var (action, hidden) = FindForm(page, formName);
        var values = new Dictionary<string, string>(hidden);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        return await PostAsync(action, values);
    }

    /// <summary>A raw form post, with whatever fields the test chooses (no token unless given).</summary>
    public async Task<HttpResponseMessage> PostAsync(Uri address, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await _client.PostAsync(address, content);
        Record(response);
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string path, IReadOnlyDictionary<string, string> fields) =>
        PostAsync(new Uri(_client.BaseAddress!, path), fields);

    /// <summary>The anti-forgery token inside the page's form named <paramref name="formName"/> (or the layout's sign-out form when null).</summary>
    public static string AntiforgeryToken(OfficerPage page, string? formName = null)
    {
        if (formName is not null)
        {
            return FindForm(page, formName).Hidden["__RequestVerificationToken"];
        }
        var match = SignOutFormPattern().Match(page.Html);
        Assert.True(match.Success, "The page has no sign-out form.");
        return HiddenInputs(match.Value)["__RequestVerificationToken"];
    }

    public Cookie? Cookie(string name) => Cookies.GetAllCookies().FirstOrDefault(c => c.Name == name);

    public void Dispose() => _client.Dispose();

    private async Task<OfficerPage> FollowAsync(Uri address)
    {
        var response = await _client.GetAsync(address);
        Record(response);
        using (response)
        {
            return await ConcludeAsync(response, address);
        }
    }

    private async Task<OfficerPage> ConcludeAsync(HttpResponseMessage response, Uri address)
    {
        for (var redirects = 0; IsRedirect(response.StatusCode); redirects++)
        {
            Assert.True(redirects < MaxRedirects, "Too many redirects.");
            var target = new Uri(address, response.Headers.Location!);
            Redirects.Add(target);
            if (target.Host != _client.BaseAddress!.Host || target.Port != _client.BaseAddress.Port)
            {
                // Never follow off the site: the test looks at Redirects instead.
                return new OfficerPage(target, response.StatusCode, string.Empty);
            }
            address = target;
            response.Dispose();
            response = await _client.GetAsync(address);
            Record(response);
        }
        using (response)
        {
            return new OfficerPage(address, response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private void Record(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            SetCookieHeaders.AddRange(values);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static (Uri Action, Dictionary<string, string> Hidden) FindForm(OfficerPage page, string formName)
    {
        foreach (Match form in FormPattern().Matches(page.Html))
        {
            var hidden = HiddenInputs(form.Value);
            if (hidden.TryGetValue("_handler", out var handler) && handler == formName)
            {
                var action = AttributePattern().Matches(form.Groups["open"].Value).FirstOrDefault(a => a.Groups["name"].Value == "action")?.Groups["value"].Value;
                return (string.IsNullOrEmpty(action) ? page.Address : new Uri(page.Address, WebUtility.HtmlDecode(action)), hidden);
            }
        }
        throw new InvalidOperationException($"The page {page.Address} has no form named '{formName}'. HTML:{Environment.NewLine}{page.Html}");
    }

    private static Dictionary<string, string> HiddenInputs(string html)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(html))
        {
            var attributes = AttributePattern().Matches(input.Value).ToDictionary(a => a.Groups["name"].Value, a => WebUtility.HtmlDecode(a.Groups["value"].Value), StringComparer.OrdinalIgnoreCase);
            if (attributes.TryGetValue("type", out var type) && type == "hidden" && attributes.TryGetValue("name", out var name))
            {
                inputs[name] = attributes.GetValueOrDefault("value", string.Empty);
            }
        }
        return inputs;
    }

    [GeneratedRegex("""(?<open><form\b[^>]*>).*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<form\b[^>]*action="/account/logout"[^>]*>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SignOutFormPattern();

    [GeneratedRegex("""<input\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"(?<name>[\w.:-]+)=""(?<value>[^""]*)""")]
    private static partial Regex AttributePattern();
}
