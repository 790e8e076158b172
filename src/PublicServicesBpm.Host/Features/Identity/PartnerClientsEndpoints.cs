namespace PublicServicesBpm.Host.Features.Identity;

/// <summary><c>/api/v1/admin/clients</c>: integration partners' OAuth 2 clients (client credentials).</summary>
internal static class PartnerClientsEndpoints
{
    public static RouteGroupBuilder MapPartnerClients(this RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync)
            .WithName("ListPartnerClients")
            .WithSummary("Integration partners' clients (never their secrets)")
            .Produces<IReadOnlyList<PartnerClientView>>();
        group.MapPost("", CreateAsync)
            .WithName("CreatePartnerClient")
            .WithSummary("Register an integration partner's client")
            .WithDescription("Creates a confidential client allowed the client-credentials grant and the given scopes. The response carries the client secret, shown this once; only its hash is stored.")
            .Produces<PartnerClientCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        group.MapDelete("/{clientId}", DeleteAsync)
            .WithName("DeletePartnerClient")
            .WithSummary("Delete a partner's client and revoke its tokens")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        Results.Ok(await PartnerClientsService.For(context.RequestServices).ListAsync(cancellationToken));

    private static async Task<IResult> CreateAsync(CreatePartnerClientRequest request, HttpContext context, CancellationToken cancellationToken) =>
        (await PartnerClientsService.For(context.RequestServices).CreateAsync(request, cancellationToken))
            .ToResult(created => Results.Created($"/api/v1/admin/clients/{Uri.EscapeDataString(created.ClientId)}", created));

    private static async Task<IResult> DeleteAsync(string clientId, HttpContext context, CancellationToken cancellationToken) =>
        (await PartnerClientsService.For(context.RequestServices).DeleteAsync(clientId, cancellationToken)).ToResult(_ => Results.NoContent());
}
