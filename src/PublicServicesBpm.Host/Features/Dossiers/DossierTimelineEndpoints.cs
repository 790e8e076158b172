namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary><c>GET /api/v1/dossiers/{id}/timeline</c> (B8): the dossier's history in plain words, for its applicant and its agency's officers.</summary>
internal static class DossierTimelineEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/timeline", TimelineAsync).WithName("GetDossierTimeline")
            .WithSummary("The dossier's timeline in plain Vietnamese (?culture=en for English); officers also see the internal steps")
            .Produces<IReadOnlyList<TimelineEntry>>();

    private static async Task<IResult> TimelineAsync(Guid id, HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not { } viewer)
        {
            return Results.Forbid();
        }
        try
        {
            return Results.Ok(await http.RequestServices.GetRequiredService<DossierTimelines>().ForViewerAsync(viewer, id, http.RequestAborted));
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
    }
}
