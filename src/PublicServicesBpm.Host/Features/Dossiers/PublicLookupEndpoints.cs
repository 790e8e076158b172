namespace PublicServicesBpm.Host.Features.Dossiers;

internal static class PublicLookupEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
    }
}
