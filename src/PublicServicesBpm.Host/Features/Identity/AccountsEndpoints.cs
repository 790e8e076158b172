using System.Security.Claims;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary><c>/api/v1/admin/accounts</c>: list, read, create, update, disable, enable officer accounts and reset their passwords.</summary>
internal static class AccountsEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync)
            .WithName("ListAccounts")
            .WithSummary("Search officer accounts")
            .WithDescription("Text matches user name, full name or e-mail, ignoring case and Vietnamese diacritics. Agency and role filter on grants valid now. Pages of at most 100.")
            .Produces<AccountPage>()
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAccount")
            .WithSummary("Read one officer account with its contact details")
            .WithDescription("Reading the e-mail address and phone number is recorded in the audit log as personal-data.read.")
            .Produces<AccountDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync)
            .WithName("CreateAccount")
            .WithSummary("Create an officer account")
            .WithDescription("The response carries a generated temporary password, shown this once; the officer must change it at first sign-in.")
            .Produces<AccountWithPassword>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateAccount")
            .WithSummary("Change an officer's full name, e-mail address and phone number")
            .Produces<AccountDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/disable", DisableAsync)
            .WithName("DisableAccount")
            .WithSummary("Disable an officer account")
            .WithDescription("No more sign-in; open sessions end within a minute. Grants are kept for the record. An administrator cannot disable their own account.")
            .Produces<AccountDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/enable", EnableAsync)
            .WithName("EnableAccount")
            .WithSummary("Enable a disabled officer account")
            .Produces<AccountDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reset-password", ResetPasswordAsync)
            .WithName("ResetAccountPassword")
            .WithSummary("Give an officer a new temporary password")
            .WithDescription("The response carries the new temporary password, shown this once; the officer must change it at next sign-in and open sessions end.")
            .Produces<AccountWithPassword>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> ListAsync(
        string? text, string? agencyCode, string? role, string? status, int? page, int? pageSize, HttpContext context, CancellationToken cancellationToken)
    {
        var search = new AccountSearch(text, agencyCode, role, status, page ?? 1, pageSize ?? AccountSearch.DefaultPageSize);
        var outcome = await AccountsQuery.For(context.RequestServices).SearchAsync(search, cancellationToken);
        return outcome.ToResult(Results.Ok);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, CancellationToken cancellationToken) =>
        await AccountsService.For(context.RequestServices).GetAsync(id, cancellationToken) is { } account
            ? Results.Ok(account)
            : AccountsService.AccountNotFound<AccountDetails>().ToResult(Results.Ok);

    private static async Task<IResult> CreateAsync(CreateAccountRequest request, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await AccountsService.For(context.RequestServices).CreateAsync(request, cancellationToken);
        return outcome.ToResult(created => Results.Created($"/api/v1/admin/accounts/{created.Account.Id:D}", created));
    }

    private static async Task<IResult> UpdateAsync(Guid id, UpdateAccountRequest request, HttpContext context, CancellationToken cancellationToken) =>
        (await AccountsService.For(context.RequestServices).UpdateAsync(id, request, cancellationToken)).ToResult(Results.Ok);

    private static async Task<IResult> DisableAsync(Guid id, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken) =>
        (await AccountsService.For(context.RequestServices).DisableAsync(id, AdminActor.IdOf(user), cancellationToken)).ToResult(Results.Ok);

    private static async Task<IResult> EnableAsync(Guid id, HttpContext context, CancellationToken cancellationToken) =>
        (await AccountsService.For(context.RequestServices).EnableAsync(id, cancellationToken)).ToResult(Results.Ok);

    private static async Task<IResult> ResetPasswordAsync(Guid id, HttpContext context, CancellationToken cancellationToken) =>
        (await AccountsService.For(context.RequestServices).ResetPasswordAsync(id, cancellationToken)).ToResult(Results.Ok);
}
