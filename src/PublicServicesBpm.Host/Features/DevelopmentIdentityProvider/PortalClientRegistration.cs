using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using PublicServicesBpm.Host.Features.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// Registers this host's citizen portal as a client of the development provider (public client, code + PKCE,
/// explicit consent). Runs once the server listens, because the redirect URIs contain its address. Hosts sharing a
/// database each add their own URIs to the one registration.
/// </summary>
internal sealed class PortalClientRegistration(
    IServer server, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PortalClientRegistration> logger) : IHostedLifecycleService
{
    private const int Attempts = 3;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(configuration["Identity:Citizen:Authority"]))
        {
            return; // the portal signs in at an external provider, which has its own registration
        }
        var address = CitizenSignIn.SelfAddress(server);
        var redirectUri = new Uri(address + CitizenSignIn.CallbackPath.TrimStart('/'));
        var postLogoutRedirectUri = new Uri(address + CitizenSignIn.SignedOutCallbackPath.TrimStart('/'));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureAsync(redirectUri, postLogoutRedirectUri, cancellationToken);
                return;
            }
            catch (Exception exception) when (attempt < Attempts && IsConflict(exception))
            {
                // Another host created or changed the registration at the same moment: read it again.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Could not register the citizen portal at the development identity provider");
                return;
            }
        }
    }

    private async Task EnsureAsync(Uri redirectUri, Uri postLogoutRedirectUri, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(CitizenSignIn.DefaultClientId, cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor();
        if (application is not null)
        {
            await applications.PopulateAsync(descriptor, application, cancellationToken);
        }
        var changed = Describe(descriptor);
        changed |= descriptor.RedirectUris.Add(redirectUri);
        changed |= descriptor.PostLogoutRedirectUris.Add(postLogoutRedirectUri);
        if (application is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else if (changed)
        {
            await applications.UpdateAsync(application, descriptor, cancellationToken);
        }
    }

    /// <summary>Sets what the portal client is allowed; true when something was missing.</summary>
    private static bool Describe(OpenIddictApplicationDescriptor descriptor)
    {
        var changed = descriptor.ClientId != CitizenSignIn.DefaultClientId || descriptor.ClientType != ClientTypes.Public
            || descriptor.ConsentType != ConsentTypes.Explicit;
        descriptor.ClientId = CitizenSignIn.DefaultClientId;
        descriptor.ClientType = ClientTypes.Public;
        descriptor.ApplicationType = ApplicationTypes.Web;
        descriptor.ConsentType = ConsentTypes.Explicit;
        descriptor.DisplayName ??= "Cổng dịch vụ công PublicServicesBpm";
        descriptor.DisplayNames.TryAdd(CultureInfo.GetCultureInfo("en"), "PublicServicesBpm public services portal");
        string[] permissions =
        [
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            .. new[] { Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.Address, CitizenClaims.CitizenScope }
                .Select(scope => Permissions.Prefixes.Scope + scope),
        ];
        foreach (var permission in permissions)
        {
            changed |= descriptor.Permissions.Add(permission);
        }
        changed |= descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return changed;
    }

    private static bool IsConflict(Exception exception) =>
        exception is OpenIddictExceptions.ConcurrencyException or OpenIddictExceptions.ValidationException
        || exception is DbUpdateException update && CitizenAccounts.IsUniqueViolation(update);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
