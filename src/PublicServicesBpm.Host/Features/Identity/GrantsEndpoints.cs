using System.Security.Claims;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary><c>/api/v1/admin/accounts/{id}/grants</c> and <c>/transfer</c>: an officer's roles at agencies over time.</summary>
internal static class GrantsEndpoints
{
    public static RouteGroupBuilder MapGrants(this RouteGroupBuilder accounts)
    {
        accounts.MapGet("/{id:guid}/grants", HistoryAsync)
            .WithName("ListAccountGrants")
            .WithSummary("The officer's grants: current, upcoming, expired and revoked")
            .Produces<IReadOnlyList<GrantView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/{id:guid}/grants", AddAsync)
            .WithName("AddAccountGrant")
            .WithSummary("Grant a role at an agency for a period")
            .WithDescription("validFrom defaults to now and cannot lie in the past; validUntil (exclusive) is optional and must be after validFrom. The same role at the same agency for an overlapping period is a conflict.")
            .Produces<GrantView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/{id:guid}/grants/{grantId:guid}/revoke", RevokeAsync)
            .WithName("RevokeAccountGrant")
            .WithSummary("Revoke a grant, with the reason")
            .WithDescription("The grant is kept, marked revoked by whom and when. An administrator cannot revoke their own administrator role.")
            .Produces<GrantView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/{id:guid}/transfer", TransferAsync)
            .WithName("TransferAccount")
            .WithSummary("Move an officer's roles from one agency to another")
            .WithDescription("The roles at the source agency end (reason \"transfer\") and the same roles start at the target agency at effectiveAt (default now), in one transaction.")
            .Produces<TransferResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return accounts;
    }

    private static async Task<IResult> HistoryAsync(Guid id, HttpContext context, CancellationToken cancellationToken) =>
        await GrantsService.For(context.RequestServices).HistoryAsync(id, cancellationToken) is { } grants
            ? Results.Ok(grants)
            : AccountsService.AccountNotFound<bool>().ToResult(_ => Results.NoContent());

    private static async Task<IResult> AddAsync(Guid id, AddGrantRequest request, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await GrantsService.For(context.RequestServices).AddAsync(id, request, AdminActor.IdOf(user), cancellationToken);
        return outcome.ToResult(grant => Results.Created($"/api/v1/admin/accounts/{id:D}/grants", grant));
    }

    private static async Task<IResult> RevokeAsync(Guid id, Guid grantId, RevokeGrantRequest request, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken) =>
        (await GrantsService.For(context.RequestServices).RevokeAsync(id, grantId, request, AdminActor.IdOf(user), cancellationToken)).ToResult(Results.Ok);

    private static async Task<IResult> TransferAsync(Guid id, TransferAccountRequest request, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken) =>
        (await GrantsService.For(context.RequestServices).TransferAsync(id, request, AdminActor.IdOf(user), cancellationToken)).ToResult(Results.Ok);
}
