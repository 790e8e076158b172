namespace PublicServicesBpm.Host.Features.Dossiers;

internal static class DossierSlipEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
    }
}
