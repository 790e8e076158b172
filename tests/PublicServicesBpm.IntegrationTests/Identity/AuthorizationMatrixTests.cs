using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>
/// Every caller against every endpoint of the identity API and administrator pages (plus the dashboards and an
/// unknown API path): the right role gets in, a wrong role gets 403 (pages: the access-denied page), a caller
/// the endpoint's scheme does not know gets 401 (pages: the sign-in page) — never an empty 200.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture matrix) : IClassFixture<AuthorizationMatrixFixture>
{
    public static TheoryData<string, string, string, int, string?> Rows()
    {
        var rows = new TheoryData<string, string, string, int, string?>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var caller in Callers.All)
            {
                var (status, location) = Expected(endpoint, caller);
                rows.Add(caller, endpoint.Method, endpoint.Path, status, location);
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Endpoint_Caller_GetsExpectedStatus(string caller, string method, string path, int expected, string? location)
    {
        var endpoint = Endpoints.Single(e => e.Method == method && e.Path == path);
        using var client = await matrix.ClientAsync(caller);
        var (resolved, content) = await matrix.ResolveAsync(path, endpoint.Body);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(resolved, UriKind.Relative));
        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8, endpoint.Form ? "application/x-www-form-urlencoded" : "application/json");
        }

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{caller} {method} {resolved}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(body.Length, 300)]}");
        if (location is not null)
        {
            Assert.StartsWith(location, response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
        }
        if (expected is 401 or 403 && path.StartsWith("/api/", StringComparison.Ordinal))
        {
            // A refusal says nothing about the data: no list, no empty list.
            Assert.DoesNotContain("\"items\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"userName\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AccountList_AsNonAdministrator_Is403Problem_NotAnEmptyList()
    {
        using var client = await matrix.ClientAsync(Callers.OneStopA);

        using var response = await client.GetAsync(new Uri("/api/v1/admin/accounts", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public void EveryEndpoint_DeclaresItsAccess()
    {
        var endpoints = matrix.Api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var offenders = endpoints
            .Where(e => !IsFrameworkEndpoint(e))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any()
                && e.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(e => (e as RouteEndpoint)?.RoutePattern.RawText + " (" + e.DisplayName + "; " + string.Join(", ", e.Metadata.Select(m => m.GetType().Name).Distinct()) + ")")
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.True(offenders.Count == 0, "Endpoints that neither name a policy nor allow anonymous access:" + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void EveryIdentityAndAdminEndpoint_IsInTheMatrix()
    {
        var endpoints = matrix.Api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var mine = endpoints
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1/admin", StringComparison.Ordinal) || raw.StartsWith("/api/v1/identity", StringComparison.Ordinal)
                || raw.StartsWith("/api/v1/agencies", StringComparison.Ordinal) || raw.StartsWith("/admin", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => m + " " + Normalize(e.RoutePattern.RawText!)))
            .ToHashSet();
        var covered = Endpoints.Select(e => e.Method + " " + Normalize(e.Path)).ToHashSet();

        Assert.Empty(mine.Except(covered));
    }

    /// <summary>
    /// Endpoints the framework adds beside the application's, which cannot carry their own metadata from here:
    /// Blazor's redirect for enhanced navigation (unused: no interactive script) and the static-asset fallback of a
    /// build (not published) manifest. Without metadata the fallback policy closes them to anonymous callers.
    /// </summary>
    private static bool IsFrameworkEndpoint(Endpoint endpoint) =>
        endpoint.DisplayName == "Blazor Opaque Redirection"
        || (endpoint is RouteEndpoint { RoutePattern.RawText: "{**path:file}", Order: int.MaxValue } && endpoint.DisplayName == "Fallback {**path:file}");

    /// <summary>Route parameters as {x}, whatever their constraint or the placeholder the matrix uses.</summary>
    private static string Normalize(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.TrimEnd('/'), @"\{[^}]*\}", "{x}");

    internal enum Access
    {
        Administrator,
        AdministratorPage,
        Officer,
        AnySignedIn,
        HangfireDashboard,
        Public,
        UnknownApi,
    }

    /// <summary>
    /// One endpoint of the table; <paramref name="Ok"/> is the status the right caller gets (a page's form post
    /// without its anti-forgery token: 400 — authorization comes first, then the forgery check).
    /// </summary>
    internal sealed record MatrixEndpoint(string Method, string Path, Access Access, string? Body = null, int Ok = 200, bool Form = false);

    internal static readonly MatrixEndpoint[] Endpoints =
    [
        new("GET", "/api/v1/identity/me", Access.AnySignedIn),
        new("GET", "/api/v1/agencies", Access.Officer),
        new("GET", "/api/v1/admin/accounts", Access.Administrator),
        new("GET", "/api/v1/admin/accounts/{account}", Access.Administrator),
        new("POST", "/api/v1/admin/accounts", Access.Administrator, """{"userName":"matrix-{unique}","fullName":"Ma Trận","email":"{unique}@example.gov.vn"}""", 201),
        new("PUT", "/api/v1/admin/accounts/{account}", Access.Administrator, """{"fullName":"Ma Trận Mới","email":"{unique}@example.gov.vn"}"""),
        new("POST", "/api/v1/admin/accounts/{account}/disable", Access.Administrator),
        new("POST", "/api/v1/admin/accounts/{disabled-account}/enable", Access.Administrator),
        new("POST", "/api/v1/admin/accounts/{account}/reset-password", Access.Administrator),
        new("GET", "/api/v1/admin/accounts/{account}/grants", Access.Administrator),
        new("POST", "/api/v1/admin/accounts/{account}/grants", Access.Administrator, $$"""{"role":"{{OfficerRole.Clerk}}","agencyCode":"{{ApiHostFixture.AgencyB}}"}""", 201),
        new("POST", "/api/v1/admin/accounts/{account}/grants/{grant}/revoke", Access.Administrator, """{"reason":"ma trận"}"""),
        new("POST", "/api/v1/admin/accounts/{account}/transfer", Access.Administrator, $$"""{"fromAgencyCode":"{{ApiHostFixture.AgencyA}}","toAgencyCode":"{{ApiHostFixture.AgencyB}}"}"""),
        new("GET", "/api/v1/admin/clients", Access.Administrator),
        new("POST", "/api/v1/admin/clients", Access.Administrator, $$"""{"displayName":"Ma trận","scopes":["{{PartnerScopes.CatalogueRead}}"]}""", 201),
        new("DELETE", "/api/v1/admin/clients/{client}", Access.Administrator, Ok: 204),
        new("GET", "/api/v1/admin/calendar/adjustments", Access.Administrator),
        new("POST", "/api/v1/admin/calendar/adjustments", Access.Administrator, """{"date":"2031-03-03","kind":"day-off","nameVi":"Ma trận","nameEn":"Matrix"}""", 201),
        new("POST", "/api/v1/admin/calendar/adjustments/{missing}/withdraw", Access.Administrator, """{"reason":"ma trận"}""", 404),
        new("GET", "/api/v1/admin/catalogues/{catalogue}/export", Access.Administrator),
        new("POST", "/api/v1/admin/catalogues/{catalogue}/import", Access.Administrator, """[{"code":"matrix-{unique}","name":"Ma trận","validFrom":"2025-01-01"}]"""),
        new("PUT", "/api/v1/admin/catalogues/{catalogue}/{new-sector}", Access.Administrator, """{"name":"Ma trận","validFrom":"2025-01-01"}"""),
        new("POST", "/api/v1/admin/catalogues/{catalogue}/{no-sector}/end", Access.Administrator, """{"validUntil":"2026-01-01"}""", Ok: 400),
        new("GET", "/api/v1/catalogues/sectors", Access.Public),
        new("GET", "/api/v1/catalogues/procedures", Access.Public),
        new("GET", "/api/v1/calendar/days", Access.Public),
        new("GET", "/admin/accounts", Access.AdministratorPage),
        new("GET", "/admin/accounts/{account}", Access.AdministratorPage),
        new("POST", "/admin/accounts", Access.AdministratorPage, "_handler=create-account&Create.UserName=matrix-{unique}", Ok: 400, Form: true),
        new("POST", "/admin/accounts/{account}", Access.AdministratorPage, "_handler=disable-account", Ok: 400, Form: true),
        new("GET", "/hangfire", Access.HangfireDashboard),
        new("GET", "/scalar/v1", Access.Public),
        new("GET", "/api/v1/does-not-exist", Access.UnknownApi),
    ];

    private static (int Status, string? Location) Expected(MatrixEndpoint endpoint, string caller)
    {
        var officer = Callers.Officers.Contains(caller);
        var activeOfficer = Callers.ActiveOfficers.Contains(caller);
        var administrator = caller == Callers.Administrator;
        return endpoint.Access switch
        {
            // Officer-only endpoints read the officer cookie only: an applicant's cookie or a partner's token is no
            // officer session at all (401); an officer without the role, or whose grants ended, is refused (403).
            Access.Administrator => administrator ? (endpoint.Ok, null) : officer ? (403, null) : (401, null),
            Access.Officer => activeOfficer ? (200, null) : officer ? (403, null) : (401, null),
            Access.AdministratorPage => administrator ? (endpoint.Ok, null) : officer ? (302, "/account/access-denied") : (302, "/account/login"),
            // A disabled officer's cookie still exists until the security stamp check; the account state is read at once.
            Access.AnySignedIn => caller == Callers.Anonymous ? (401, null) : caller == Callers.Disabled ? (403, null) : (200, null),
            // The fallback policy asks for any signed-in user; the dashboard's own filter asks for an administrator.
            Access.HangfireDashboard => administrator ? (200, null) : officer || caller == Callers.Partner ? (403, null) : (302, "/account/login"),
            Access.Public => (200, null),
            // Anonymous callers learn nothing, not even that the route does not exist; signed-in callers get 404.
            _ => officer || caller == Callers.Partner ? (404, null) : (401, null),
        };
    }
}
