using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>Claim types on a signed-in applicant's principal (besides the provider's own claims).</summary>
internal static class CitizenClaims
{
    /// <summary>Our <see cref="ApplicantProfile"/> id: who owns dossiers.</summary>
    public const string ApplicantId = "psb:applicant_id";
    public const string FullName = "name";
    public const string PersonalIdNumber = "personal_id";
    public const string AccountType = "account_type";
    public const string AssuranceLevel = "assurance_level";

    /// <summary>The scope that asks the provider for the personal ID number, account type and assurance level.</summary>
    public const string CitizenScope = "citizen";
}

/// <summary>
/// Citizen sign-in (function P1): OpenID Connect authorization code + PKCE against the provider configured under
/// <c>Identity:Citizen</c> — VNeID / DVCQG in production; by default the built-in development provider of this
/// same host. The claims refresh the person's <see cref="ApplicantProfile"/> at each sign-in.
/// </summary>
internal static class CitizenSignIn
{
    public const string CallbackPath = "/signin-vneid";
    public const string SignedOutCallbackPath = "/signout-callback-vneid";
    public const string DefaultClientId = "psb-portal";

    /// <summary>A page (anonymous) that says in plain words that the sign-in did not complete and offers to try again.</summary>
    public const string SignInFailedPath = "/portal/sign-in-failed";

    public static AuthenticationBuilder AddCitizenSignIn(this AuthenticationBuilder authentication, IConfiguration configuration, TransportSecurity transport)
    {
        var section = configuration.GetSection("Identity:Citizen");
        authentication
            .AddCookie(Schemes.Citizen, options =>
            {
                options.Cookie.Name = "psb.citizen";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = transport.CookiePolicy;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(section.GetValue("SessionMinutes", 30));
                options.SlidingExpiration = true;
                options.ForwardChallenge = Schemes.CitizenProvider;
                options.AccessDeniedPath = "/portal/access-denied";
                options.Events.OnRedirectToAccessDenied = context => Security.RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            })
            .AddOpenIdConnect(Schemes.CitizenProvider, "VNeID", options =>
            {
                options.SignInScheme = Schemes.Citizen;
                options.SignOutScheme = Schemes.Citizen;
                options.Authority = section["Authority"];
                options.ClientId = section["ClientId"] ?? DefaultClientId;
                options.ClientSecret = section["ClientSecret"];
                options.ResponseType = OpenIdConnectResponseType.Code;
                // Query (not form_post): the Lax correlation cookies come back on a top-level GET, also over plain HTTP locally.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.CallbackPath = CallbackPath;
                options.SignedOutCallbackPath = SignedOutCallbackPath;
                options.SignedOutRedirectUri = "/";
                options.RequireHttpsMetadata = !transport.AllowPlainHttp;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.SaveTokens = true;
                options.Scope.Clear();
                foreach (var scope in (section["Scopes"] ?? "openid profile email phone address citizen").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    options.Scope.Add(scope);
                }
                options.TokenValidationParameters.NameClaimType = CitizenClaims.FullName;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = transport.CookiePolicy;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = transport.CookiePolicy;
                options.Events.OnTicketReceived = RecordApplicantAsync;
                options.Events.OnRemoteFailure = context =>
                {
                    // A tampered state, a replayed code, a refused consent: a plain message, never a stack trace.
                    context.HandleResponse();
                    context.Response.Redirect(SignInFailedPath);
                    return Task.CompletedTask;
                };
            });
        // No authority configured: the built-in development provider of this host, at the address it listens on.
        authentication.Services.AddOptions<OpenIdConnectOptions>(Schemes.CitizenProvider).Configure<IServer>((options, server) =>
        {
            if (string.IsNullOrEmpty(options.Authority))
            {
                options.Authority = SelfAddress(server);
            }
        });
        return authentication;
    }

    /// <summary>The first address this host listens on, with a wildcard host replaced by localhost.</summary>
    internal static string SelfAddress(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Identity:Citizen:Authority is not set and the host has no listening address yet.");
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/";
    }

    /// <summary>Creates or refreshes the applicant profile from the provider's claims and puts its id on the principal.</summary>
    private static async Task RecordApplicantAsync(TicketReceivedContext context)
    {
        var principal = context.Principal!;
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        // The handler's default claim actions drop the "iss" claim; every claim still carries its issuer.
        var issuer = principal.FindFirst("sub")?.Issuer ?? string.Empty;
        var subject = principal.FindFirstValue("sub") ?? throw new InvalidOperationException("The identity provider sent no 'sub' claim.");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(context.HttpContext.RequestAborted);
        var profile = await db.ApplicantProfiles.SingleOrDefaultAsync(p => p.Issuer == issuer && p.Subject == subject, context.HttpContext.RequestAborted);
        if (profile is null)
        {
            profile = new ApplicantProfile { Id = Guid.CreateVersion7(), Issuer = issuer, Subject = subject, FirstSignInAt = now };
            db.ApplicantProfiles.Add(profile);
        }
        profile.AccountType = principal.FindFirstValue(CitizenClaims.AccountType) ?? "citizen";
        profile.PersonalIdNumber = principal.FindFirstValue(CitizenClaims.PersonalIdNumber);
        profile.FullName = principal.FindFirstValue(CitizenClaims.FullName) ?? string.Empty;
        profile.BirthDate = DateOnly.TryParseExact(principal.FindFirstValue("birthdate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate) ? birthDate : null;
        profile.Gender = principal.FindFirstValue("gender");
        profile.PhoneNumber = principal.FindFirstValue("phone_number");
        profile.Email = principal.FindFirstValue("email");
        profile.Address = FormattedAddress(principal.FindFirstValue("address"));
        profile.AssuranceLevel = int.TryParse(principal.FindFirstValue(CitizenClaims.AssuranceLevel), NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : 1;
        profile.LastSignInAt = now;
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(CitizenClaims.ApplicantId, profile.Id.ToString("D")));
        await services.GetRequiredService<AuditTrail>().RecordAsync(
            AuditActions.ApplicantSignedIn, "applicant", profile.Id.ToString("D"),
            details: new { issuer, assuranceLevel = profile.AssuranceLevel }, actor: principal, cancellationToken: context.HttpContext.RequestAborted);
        await transaction.CommitAsync(context.HttpContext.RequestAborted);
    }

    /// <summary>The OIDC <c>address</c> claim is a JSON object; keep its <c>formatted</c> text (or the raw value).</summary>
    private static string? FormattedAddress(string? claim)
    {
        if (string.IsNullOrWhiteSpace(claim) || !claim.TrimStart().StartsWith('{'))
        {
            return claim;
        }
        try
        {
            using var document = JsonDocument.Parse(claim, default(JsonDocumentOptions));
            return document.RootElement.TryGetProperty("formatted", out var formatted) ? formatted.GetString() : claim;
        }
        catch (JsonException)
        {
            return claim;
        }
    }
}
