using System.Security.Cryptography;
using OpenIddict.Abstractions;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>A new integration partner: a name to recognise it by and the API scopes it may ask for.</summary>
internal sealed record CreatePartnerClientRequest(string? DisplayName, IReadOnlyList<string>? Scopes);

/// <summary>An integration partner's client (never its secret).</summary>
internal sealed record PartnerClientView(string ClientId, string DisplayName, IReadOnlyList<string> Scopes);

/// <summary>The created client with its secret: shown this once; only a hash is stored.</summary>
internal sealed record PartnerClientCreated(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, string ClientSecret);

/// <summary>
/// Integration partners' OAuth 2 clients (client credentials at <c>/connect/token</c>): confidential OpenIddict
/// applications named <c>partner-…</c> that may use the token endpoint, the client-credentials grant and their
/// scopes. The citizen portal's own client is not one of them and is never listed or deleted here.
/// </summary>
internal sealed class PartnerClientsService(IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, AppDbContext db, AuditTrail audit)
{
    public const string ClientIdPrefix = "partner-";
    public const string AuditTargetType = "client";
    public const int MaxDisplayNameLength = 200;

    public static PartnerClientsService For(IServiceProvider services) => ActivatorUtilities.GetServiceOrCreateInstance<PartnerClientsService>(services);

    public async Task<IReadOnlyList<PartnerClientView>> ListAsync(CancellationToken cancellationToken)
    {
        var clients = new List<PartnerClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await ViewAsync(application, cancellationToken) is { } view)
            {
                clients.Add(view);
            }
        }
        return [.. clients.OrderBy(c => c.DisplayName, StringComparer.CurrentCulture).ThenBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    public async Task<AdminOutcome<PartnerClientCreated>> CreateAsync(CreatePartnerClientRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<AdminError>();
        var displayName = AccountsValidation.Clean(request.DisplayName);
        if (displayName is null)
        {
            errors.Add(new("displayName", "DisplayNameRequired", "The display name is required."));
        }
        else if (displayName.Length > MaxDisplayNameLength)
        {
            errors.Add(new("displayName", "DisplayNameTooLong", $"The display name can be at most {MaxDisplayNameLength} characters."));
        }
        var scopes = (request.Scopes ?? []).Select(s => s?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            errors.Add(new("scopes", "ScopesRequired", $"Give at least one scope: {string.Join(", ", PartnerScopes.All)}."));
        }
        else if (scopes.Any(s => !PartnerScopes.All.Contains(s)))
        {
            errors.Add(new("scopes", "ScopeUnknown", $"Unknown scope. Scopes: {string.Join(", ", PartnerScopes.All)}."));
        }
        if (errors.Count > 0)
        {
            return AdminOutcome<PartnerClientCreated>.Invalid(errors);
        }
        var clientId = ClientIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = global::System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken);
        await audit.RecordAsync(AuditActions.ClientCreated, AuditTargetType, clientId, details: new { displayName, scopes }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<PartnerClientCreated>.Success(new PartnerClientCreated(clientId, displayName!, scopes, secret));
    }

    /// <summary>Deletes the client and revokes every token issued to it.</summary>
    public async Task<AdminOutcome<PartnerClientView>> DeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = string.IsNullOrWhiteSpace(clientId) ? null : await applications.FindByClientIdAsync(clientId, cancellationToken);
        var view = application is null ? null : await ViewAsync(application, cancellationToken);
        if (application is null || view is null)
        {
            return AdminOutcome<PartnerClientView>.NotFound("ClientNotFound", "There is no partner client with this client id.");
        }
        var applicationId = await applications.GetIdAsync(application, cancellationToken)
            ?? throw new InvalidOperationException("A stored application has no id.");
        var revoked = await tokens.RevokeByApplicationIdAsync(applicationId, cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        await audit.RecordAsync(AuditActions.ClientDeleted, AuditTargetType, clientId, details: new { revokedTokens = revoked }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<PartnerClientView>.Success(view);
    }

    /// <summary>The application as a partner client, or null when it is not one (the citizen portal, for instance).</summary>
    private async Task<PartnerClientView?> ViewAsync(object application, CancellationToken cancellationToken)
    {
        var clientId = await applications.GetClientIdAsync(application, cancellationToken);
        if (clientId is null || clientId == CitizenSignIn.DefaultClientId
            || !await applications.HasPermissionAsync(application, Permissions.GrantTypes.ClientCredentials, cancellationToken))
        {
            return null;
        }
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var scopes = permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal).ToList();
        return new PartnerClientView(clientId, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId, scopes);
    }
}
