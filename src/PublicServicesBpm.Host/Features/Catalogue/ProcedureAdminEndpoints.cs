using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Procedure designers' and administrators' procedure catalogue (function H3): store a procedure.json as a draft
/// version, list versions, publish a draft, withdraw a published version. Every command is audited.
/// </summary>
internal static class ProcedureAdminEndpoints
{
    public sealed record VersionSummary(
        string Key, int Version, string Status, string Name, DateOnly EffectiveFrom, string PublicationDecision, string ContentHash,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, DateTimeOffset? WithdrawnAt);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/", StoreAsync).WithName("StoreProcedureVersion")
            .WithSummary("Store a procedure (the procedure.json format) as a new draft version; the same content again changes nothing")
            .Accepts<string>("application/json").Produces<VersionSummary>(StatusCodes.Status201Created).Produces<VersionSummary>().ProducesValidationProblem()
            .DisableAntiforgery();
        group.MapGet("/{key}/versions", VersionsAsync).WithName("ListProcedureVersions").WithSummary("Every version of a procedure, newest first");
        group.MapGet("/{key}/versions/{version:int}", DocumentAsync).WithName("GetProcedureVersionDocument").WithSummary("The procedure.json of one version, as stored");
        group.MapPost("/{key}/versions/{version:int}/publish", PublishAsync).WithName("PublishProcedureVersion").WithSummary("Draft → published");
        group.MapPost("/{key}/versions/{version:int}/withdraw", WithdrawAsync).WithName("WithdrawProcedureVersion").WithSummary("Published → withdrawn");
    }

    private static async Task<IResult> StoreAsync(HttpRequest request, AppDbContext db, ProcedureCatalogue procedures, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ProcedureFileReader.MaxBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: "A procedure document is at most 512 KB.");
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await procedures.StoreAsync(text, UserName(request), publish: false, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Results.ValidationProblem(
                outcome.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: "The procedure has problems; nothing was stored");
        }
        var version = outcome.Version!;
        if (outcome.IsNew)
        {
            await audit.RecordAsync(CatalogueAuditActions.ProcedureStored, "procedure", version.ProcedureKey, details: new { version.Version, version.ContentHash }, cancellationToken: cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return outcome.IsNew
            ? Results.Created($"/api/v1/procedures/{version.ProcedureKey}/versions/{version.Version}", Summary(version))
            : Results.Ok(Summary(version));
    }

    private static async Task<IResult> VersionsAsync(string key, AppDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureKey == key).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return versions.Count == 0 ? CatalogueApi.NotFound($"There is no procedure '{key}'.") : Results.Ok(versions.Select(Summary));
    }

    private static async Task<IResult> DocumentAsync(string key, int version, AppDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureKey == key && v.Version == version).Select(v => v.Document).SingleOrDefaultAsync(cancellationToken);
        return document is null ? CatalogueApi.NotFound($"Procedure '{key}' has no version {version}.") : Results.Text(document, "application/json", Encoding.UTF8);
    }

    private static Task<IResult> PublishAsync(string key, int version, HttpRequest request, AppDbContext db, ProcedureCatalogue procedures, AuditTrail audit, CancellationToken cancellationToken) =>
        ChangeStatusAsync(key, version, CatalogueAuditActions.ProcedurePublished, db, audit, () => procedures.PublishAsync(key, version, UserName(request), cancellationToken), cancellationToken);

    private static Task<IResult> WithdrawAsync(string key, int version, HttpRequest request, AppDbContext db, ProcedureCatalogue procedures, AuditTrail audit, CancellationToken cancellationToken) =>
        ChangeStatusAsync(key, version, CatalogueAuditActions.ProcedureWithdrawn, db, audit, () => procedures.WithdrawAsync(key, version, UserName(request), cancellationToken), cancellationToken);

    private static async Task<IResult> ChangeStatusAsync(
        string key, int number, string action, AppDbContext db, AuditTrail audit, Func<Task<ProcedureVersion?>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ProcedureVersion? version;
        try
        {
            version = await change();
        }
        catch (ProcedureStatusException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: exception.Message);
        }
        if (version is null)
        {
            return CatalogueApi.NotFound($"Procedure '{key}' has no version {number}.");
        }
        await audit.RecordAsync(action, "procedure", key, details: new { version = number }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.Ok(Summary(version));
    }

    private static VersionSummary Summary(ProcedureVersion v) =>
        new(v.ProcedureKey, v.Version, v.Status, v.Name, v.EffectiveFrom, v.PublicationDecision, v.ContentHash, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.WithdrawnAt);

    private static string UserName(HttpRequest request) => request.HttpContext.User.Identity?.Name ?? "unknown";
}
