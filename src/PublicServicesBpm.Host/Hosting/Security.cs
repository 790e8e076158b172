using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>Names of the authentication schemes. Which one reads a request is decided by <see cref="Security.SelectScheme"/>.</summary>
internal static class Schemes
{
    /// <summary>Chooses per request among the schemes below (the default scheme).</summary>
    public const string Selector = "psb";

    /// <summary>Officers: ASP.NET Core Identity's application cookie.</summary>
    public static readonly string Officer = IdentityConstants.ApplicationScheme;

    /// <summary>Citizens and businesses: a cookie issued after OpenID Connect sign-in at <see cref="CitizenProvider"/>.</summary>
    public const string Citizen = "citizen";

    /// <summary>The OpenID Connect client for VNeID / DVCQG (or the built-in development provider).</summary>
    public const string CitizenProvider = "vneid";

    /// <summary>Integration partners and API clients: bearer access tokens from our authorization server.</summary>
    public const string Bearer = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
}

/// <summary>Authorization policy names. Every endpoint names one, or is explicitly anonymous.</summary>
internal static class Policies
{
    /// <summary>An officer with at least one role valid now at some agency.</summary>
    public const string Officer = "officer";

    public const string Administrator = "administrator";

    public const string Auditor = "auditor";

    public const string Designer = "designer";

    /// <summary>A signed-in citizen or business representative (through the citizen identity provider).</summary>
    public const string Applicant = "applicant";

    /// <summary>
    /// Either side of a dossier: a signed-in officer or applicant. Which dossiers each may see and move is decided per
    /// dossier (Features/Dossiers/DossierAccess): an officer by agency, an applicant by ownership.
    /// </summary>
    public const string DossierParticipant = "dossier-participant";

    /// <summary>An integration partner's client-credentials token with scope <see cref="PartnerScopes.DossiersRead"/>.</summary>
    public const string PartnerDossiersRead = "partner:dossiers.read";

    public const string PartnerDossiersWrite = "partner:dossiers.write";
}

/// <summary>API scopes an integration partner can be given.</summary>
internal static class PartnerScopes
{
    public const string DossiersRead = "psb.dossiers.read";
    public const string DossiersWrite = "psb.dossiers.write";
    public const string CatalogueRead = "psb.catalogue.read";

    public static readonly IReadOnlyList<string> All = [DossiersRead, DossiersWrite, CatalogueRead];
}

/// <summary>Rate-limiter policy names (per client IP address; only state-changing requests count).</summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PasswordReset = "password-reset";
    public const string PublicLookup = "public-lookup";
}

/// <summary>
/// Authentication (officer cookie, citizen OpenID Connect, partner bearer tokens), authorization (a fallback policy
/// that requires a signed-in user everywhere, so a new endpoint is closed until it says otherwise), rate limits,
/// and the audit trail. See docs/security.md.
/// </summary>
internal static class Security
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var transport = TransportSecurity.From(configuration);
        services.AddSingleton(transport);
        services
            .AddIdentityCore<OfficerAccount>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 6;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // A disabled account, a revoked session or a changed password takes effect within a minute on every host.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = Schemes.Selector;
                options.DefaultChallengeScheme = Schemes.Selector;
            })
            .AddPolicyScheme(Schemes.Selector, "Officer, citizen or API client", options => options.ForwardDefaultSelector = SelectScheme)
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie?.Configure(options => ConfigureOfficerCookie(options, transport));
                cookies.TwoFactorUserIdCookie?.Configure(options => options.Cookie.SecurePolicy = transport.CookiePolicy);
                cookies.TwoFactorRememberMeCookie?.Configure(options => options.Cookie.SecurePolicy = transport.CookiePolicy);
                cookies.ExternalCookie?.Configure(options => options.Cookie.SecurePolicy = transport.CookiePolicy);
            });
        services.AddAuthentication().AddCitizenSignIn(configuration, transport);
        services.AddAuthorizationServer(configuration, environment, transport);
        if (AuthorizationServer.DevelopmentProviderEnabled(configuration))
        {
            services.AddDevelopmentIdentityProvider(configuration, transport);
        }

        services.AddScoped<OfficerAccess>();
        services.AddScoped<IAuthorizationHandler, OfficerRoleHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Officer, policy => policy.AddAuthenticationSchemes(Schemes.Officer).AddRequirements(new OfficerRoleRequirement([])))
            .AddPolicy(Policies.Administrator, policy => policy.AddAuthenticationSchemes(Schemes.Officer).AddRequirements(new OfficerRoleRequirement([OfficerRole.Administrator])))
            .AddPolicy(Policies.Auditor, policy => policy.AddAuthenticationSchemes(Schemes.Officer).AddRequirements(new OfficerRoleRequirement([OfficerRole.Auditor])))
            .AddPolicy(Policies.Designer, policy => policy.AddAuthenticationSchemes(Schemes.Officer).AddRequirements(new OfficerRoleRequirement([OfficerRole.ProcedureDesigner])))
            .AddPolicy(Policies.Applicant, policy => policy.AddAuthenticationSchemes(Schemes.Citizen).RequireAuthenticatedUser().RequireClaim(CitizenClaims.ApplicantId))
            .AddPolicy(Policies.DossierParticipant, policy => policy.AddAuthenticationSchemes(Schemes.Officer, Schemes.Citizen).RequireAssertion(context =>
                context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == Schemes.Officer) || context.User.HasClaim(c => c.Type == CitizenClaims.ApplicantId)))
            .AddPolicy(Policies.PartnerDossiersRead, policy => policy.AddAuthenticationSchemes(Schemes.Bearer).RequireAssertion(context => HasScope(context.User, PartnerScopes.DossiersRead)))
            .AddPolicy(Policies.PartnerDossiersWrite, policy => policy.AddAuthenticationSchemes(Schemes.Bearer).RequireAssertion(context => HasScope(context.User, PartnerScopes.DossiersWrite)));

        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        services.AddRateLimits(configuration);
        return services;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        // Limits first: OpenIddict answers bad client credentials inside the authentication middleware, so a limiter
        // placed after it would never see (and never slow down) secret guessing.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Bearer header → API client; citizen portal paths → citizen cookie; everything else → officer cookie.</summary>
    internal static string SelectScheme(HttpContext context)
    {
        string? authorization = context.Request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Schemes.Bearer;
        }
        var path = context.Request.Path;
        return path.StartsWithSegments("/portal") || path.StartsWithSegments("/api/v1/portal")
            || path.StartsWithSegments(CitizenSignIn.CallbackPath) || path.StartsWithSegments(CitizenSignIn.SignedOutCallbackPath)
            ? Schemes.Citizen
            : Schemes.Officer;
    }

    internal static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static void ConfigureOfficerCookie(CookieAuthenticationOptions options, TransportSecurity transport)
    {
        options.Cookie.Name = "psb.officer";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = transport.CookiePolicy;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.AccessDeniedPath = "/account/access-denied";
        // APIs answer 401/403 problem details instead of redirecting to a page.
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    internal static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.Identity?.AuthenticationType is not null
        && user.FindAll(OpenIddict.Abstractions.OpenIddictConstants.Claims.Private.Scope).Any(claim => claim.Value == scope);

    private static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var resetPerHour = configuration.GetValue("RateLimits:PasswordResetPerHour", 5);
        var lookupPerMinute = configuration.GetValue("RateLimits:PublicLookupPerMinute", 60);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many attempts", Detail = "Too many attempts from this address. Wait a minute and try again." },
                });
            };
            options.AddPolicy(RateLimits.SignIn, context => PerAddress(context, "sign-in", signInPerMinute, TimeSpan.FromMinutes(1), countReads: false));
            options.AddPolicy(RateLimits.PasswordReset, context => PerAddress(context, "reset", resetPerHour, TimeSpan.FromHours(1), countReads: false));
            options.AddPolicy(RateLimits.PublicLookup, context => PerAddress(context, "lookup", lookupPerMinute, TimeSpan.FromMinutes(1), countReads: true));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string name, int permits, TimeSpan window, bool countReads)
    {
        if (!countReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter(name + ":read");
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(name + ":" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }
}

/// <summary>
/// Whether plain HTTP is acceptable: only when every configured URL is on this machine (dotnet run, tests).
/// Otherwise cookies are Secure-only and the authorization server refuses plain HTTP.
/// </summary>
internal sealed record TransportSecurity(bool AllowPlainHttp)
{
    public CookieSecurePolicy CookiePolicy => AllowPlainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    public static TransportSecurity From(IConfiguration configuration)
    {
        if (configuration.GetValue<bool?>("Security:AllowPlainHttp") is { } configured)
        {
            return new(configured);
        }
        var urls = configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            return new(string.IsNullOrEmpty(configuration["http_ports"]));
        }
        return new(urls.Split(';', StringSplitOptions.RemoveEmptyEntries).All(IsLoopback));
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url.Trim().Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.IsLoopback || uri.Host == "localhost");
}
