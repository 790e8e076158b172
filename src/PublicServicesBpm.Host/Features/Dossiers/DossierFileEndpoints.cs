namespace PublicServicesBpm.Host.Features.Dossiers;

internal static class DossierFileEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
    }
}
