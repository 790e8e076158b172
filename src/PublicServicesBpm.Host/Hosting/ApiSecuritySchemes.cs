using Microsoft.OpenApi;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>Tells readers of the OpenAPI document how callers authenticate (see docs/security.md).</summary>
internal static class ApiSecuritySchemes
{
    public static void Describe(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["officerCookie"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "psb.officer",
            Description = "Officers: the session cookie set by signing in at /account/login (workspace pages call the API with it).",
        };
        document.Components.SecuritySchemes["citizenCookie"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "psb.citizen",
            Description = "Citizens and businesses, on /api/v1/portal/...: the session cookie set after OpenID Connect sign-in at /portal.",
        };
        document.Components.SecuritySchemes["partnerToken"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Integration partners: OAuth 2 client credentials; send the access token as 'Authorization: Bearer ...'.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string>
                    {
                        [PartnerScopes.DossiersRead] = "read dossiers",
                        [PartnerScopes.DossiersWrite] = "submit and update dossiers",
                        [PartnerScopes.CatalogueRead] = "read the procedure catalogue",
                    },
                },
            },
        };
    }
}
