namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// <c>GET /api/v1/dossiers/{id}/path</c>: the dossier's path through its workflow for the instance viewer — the BPMN
/// of the instance's version, completed, active and incident elements, history and variables (officers of the
/// dossier's agency only; reading the variables is audit-logged; <c>?variables=false</c> leaves them out, as the
/// diagram script asks, and then nothing personal is read).
/// </summary>
internal static class DossierPathEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/path", PathAsync).WithName("GetDossierPath")
            .WithSummary("The dossier's path through its workflow: BPMN XML, completed/active/incident elements, history, variables (officers of its agency)")
            .Produces<DossierPathView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> PathAsync(Guid id, bool? variables, HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not { } viewer)
        {
            return Results.Forbid();
        }
        try
        {
            var withVariables = variables ?? true;
            return Results.Ok(await http.RequestServices.GetRequiredService<DossierPath>().ReadAsync(viewer, id, withVariables, logRead: true, http.RequestAborted));
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
    }
}
