namespace PublicServicesBpm.Host.Features.System;

/// <summary>The <c>/api/v1/system</c> route group: facts about the running system.</summary>
internal static class SystemApi
{
    public static IEndpointRouteBuilder MapSystemApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/system").WithTags("System");
        group.MapGetAbout();
        return endpoints;
    }
}
