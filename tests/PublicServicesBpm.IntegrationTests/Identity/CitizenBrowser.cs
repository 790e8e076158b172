using System.Net;
using System.Text.RegularExpressions;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>
/// A minimal browser for sign-in tests: keeps cookies, follows redirects itself (so a test can see and stop at
/// each hop), and reads forms — hidden fields, antiforgery token and buttons — out of the returned HTML.
/// </summary>
internal sealed partial class CitizenBrowser : IDisposable
{
    private const int MaxRedirects = 20;
    private readonly HttpClient _client;

    public CitizenBrowser(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        {
            BaseAddress = baseAddress,
        };
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Cookies the browser would send to <paramref name="path"/> on this host.</summary>
    public CookieCollection CookiesFor(string path) => Cookies.GetCookies(new Uri(BaseAddress, path));

    public Task<BrowserPage> GetAsync(string url, Func<Uri, bool>? stopAt = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), stopAt);

    public Task<BrowserPage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, Func<Uri, bool>? stopAt = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) }, stopAt);

    /// <summary>Submits a form of the page as a browser would: to its action (or the page itself), with the pressed button.</summary>
    public Task<BrowserPage> SubmitAsync(BrowserPage page, HtmlForm form, IReadOnlyDictionary<string, string>? values = null, (string Name, string Value)? button = null, Func<Uri, bool>? stopAt = null)
    {
        var fields = form.Fields.Where(f => values is null || !values.ContainsKey(f.Key)).ToList();
        fields.AddRange(values ?? new Dictionary<string, string>());
        if (button is { } pressed)
        {
            fields.Add(new(pressed.Name, pressed.Value));
        }
        var target = form.Action is { Length: > 0 } action ? new Uri(page.Address, action) : page.Address;
        return PostFormAsync(target.ToString(), fields, stopAt);
    }

    /// <summary>Sends the request and follows redirects (as GETs) until a page that is not a redirect, or one <paramref name="stopAt"/> picks.</summary>
    public async Task<BrowserPage> SendAsync(HttpRequestMessage request, Func<Uri, bool>? stopAt = null)
    {
        var visited = new List<Uri>();
        for (var hop = 0; ; hop++)
        {
            var address = new Uri(BaseAddress, request.RequestUri!);
            visited.Add(address);
            string html;
            HttpStatusCode status;
            Uri? location;
            using (request)
            using (var response = await _client.SendAsync(request))
            {
                html = await response.Content.ReadAsStringAsync();
                status = response.StatusCode;
                location = response.Headers.Location is { } next ? new Uri(address, next) : null;
            }
            if (location is null || (int)status is < 300 or >= 400 || hop == MaxRedirects || stopAt?.Invoke(location) == true)
            {
                return new BrowserPage(address, status, html, location, visited);
            }
            request = new HttpRequestMessage(HttpMethod.Get, location);
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>What the browser ended on: its address, status, body, a redirect it did not follow, and every address on the way.</summary>
internal sealed partial record BrowserPage(Uri Address, HttpStatusCode Status, string Html, Uri? Location, IReadOnlyList<Uri> Visited)
{
    /// <summary>The form whose Blazor form name (hidden <c>_handler</c>) or action matches, else the only form.</summary>
    public HtmlForm Form(string? nameOrAction = null)
    {
        var forms = FormPattern().Matches(Html).Select(match => HtmlForm.Parse(match.Groups["attributes"].Value, match.Groups["body"].Value)).ToList();
        return nameOrAction is null
            ? Assert.Single(forms)
            : forms.Single(f => f.Action == nameOrAction || f.Fields.Any(field => field.Key == "_handler" && field.Value == nameOrAction));
    }

    public bool HasForm => FormPattern().IsMatch(Html);

    /// <summary>The page's text without tags, decoded, whitespace collapsed (for assertions on what a person reads).</summary>
    public string Text => Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(Html, " ")), " ");

    [GeneratedRegex("<form(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>A form's action and the fields it would submit without user input (hidden and pre-filled inputs).</summary>
internal sealed partial record HtmlForm(string? Action, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<(string Name, string Value)> Buttons)
{
    public string this[string name] => Fields.Single(f => f.Key == name).Value;

    public static HtmlForm Parse(string formAttributes, string body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in Input().Matches(body))
        {
            var attributes = Attributes(input.Value);
            var type = attributes.GetValueOrDefault("type", "text");
            if (!attributes.TryGetValue("name", out var name) || type is "submit" or "button"
                || (type is "radio" or "checkbox" && !attributes.ContainsKey("checked")))
            {
                continue;
            }
            fields.Add(new(name, attributes.GetValueOrDefault("value", string.Empty)));
        }
        var buttons = Button().Matches(body).Select(b => Attributes(b.Value)).Where(a => a.ContainsKey("name"))
            .Select(a => (a["name"], a.GetValueOrDefault("value", string.Empty))).ToList();
        return new HtmlForm(Attributes("<form " + formAttributes + ">").GetValueOrDefault("action"), fields, buttons);
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).GroupBy(m => m.Groups["name"].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Success ? g.First().Groups["value"].Value : string.Empty));

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("<button\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Button();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex Attribute();
}
