using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// This host's OAuth 2 / OpenID Connect server (OpenIddict, clients and tokens in PostgreSQL). It always issues
/// client-credentials access tokens to integration partners (<c>POST /connect/token</c>). When
/// <c>Identity:DevelopmentProvider:Enabled</c> is true (the default; switch it off in production) it also plays
/// the national citizen identity provider: authorization code + PKCE, user info and sign-out, for the citizen
/// accounts in schema <c>idp</c> (see <c>Features/DevelopmentIdentityProvider</c>).
/// </summary>
internal static class AuthorizationServer
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";
    private const string DefaultKeysDirectory = ".data/oidc";

    public static bool DevelopmentProviderEnabled(IConfiguration configuration) =>
        configuration.GetValue("Identity:DevelopmentProvider:Enabled", true);

    public static IServiceCollection AddAuthorizationServer(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment, TransportSecurity transport)
    {
        var developmentProvider = DevelopmentProviderEnabled(configuration);
        var keysDirectory = Path.GetFullPath(configuration["Identity:Server:KeysDirectory"] ?? DefaultKeysDirectory);
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AppDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. PartnerScopes.All]);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableStatusCodePagesIntegration();
                if (developmentProvider)
                {
                    server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                        .SetUserInfoEndpointUris(UserInfoPath.TrimStart('/'))
                        .SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'));
                    server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                    server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.Address, CitizenClaims.CitizenScope);
                    server.RegisterClaims(Claims.Name, Claims.Birthdate, Claims.Gender, Claims.Email, Claims.PhoneNumber, Claims.Address,
                        CitizenClaims.PersonalIdNumber, CitizenClaims.AccountType, CitizenClaims.AssuranceLevel);
                    aspNetCore.EnableAuthorizationEndpointPassthrough().EnableUserInfoEndpointPassthrough().EnableEndSessionEndpointPassthrough();
                }
                if (transport.AllowPlainHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
                var keys = ServerKeys.LoadOrCreate(keysDirectory);
                server.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                // Check each token's database entry too, so deleting a partner client (which revokes its tokens) cuts
                // off tokens already issued instead of letting them run to their 30-minute expiry.
                validation.EnableTokenEntryValidation();
            });
        return services;
    }

    /// <summary>The token endpoint: client credentials for partners; code exchange for the development provider.</summary>
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TokenPath, ExchangeAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, IOpenIddictApplicationManager applications, AuditTrail audit)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has already checked the client's secret and that it may use this grant and these scopes.
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
                ?? throw new InvalidOperationException("The client application cannot be found.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.ClientId, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, context.RequestAborted));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            var principal = new ClaimsPrincipal(identity);
            await audit.RecordAsync(AuditActions.TokenIssued, "client", request.ClientId,
                details: new { scopes = request.GetScopes() }, actor: principal, cancellationToken: context.RequestAborted);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType())
        {
            // The code's principal was built by the authorization endpoint; OpenIddict validated the code and PKCE verifier.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is null)
            {
                return Forbid(Errors.InvalidGrant, "The authorization code is no longer valid.");
            }
            return Results.SignIn(result.Principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    internal static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

/// <summary>
/// The server's RSA signing and encryption keys, as PEM files in one directory. Generated on first start
/// (development, demo, tests); in production point <c>Identity:Server:KeysDirectory</c> at the keys every host
/// shares, readable only by the service account.
/// </summary>
internal sealed record ServerKeys(SecurityKey Signing, SecurityKey Encryption)
{
    public static ServerKeys LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        return new(Load(Path.Combine(directory, "signing-key.pem")), Load(Path.Combine(directory, "encryption-key.pem")));
    }

    private static RsaSecurityKey Load(string path)
    {
        if (!File.Exists(path))
        {
            using var created = RSA.Create(2048);
            // A name of its own: several hosts in one process (the test classes of a fresh clone's first run) make the
            // keys at the same moment, and a shared temporary file was moved or truncated under another's feet.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, created.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                // Another process may have created it meanwhile: then keep theirs, so all hosts agree.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa) { KeyId = Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16] };
    }
}
