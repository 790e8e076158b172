using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Administrators' writes to the shared catalogues (function H2), each all-or-nothing and audited:
/// <c>PUT {catalogue}/{code}</c> (new values from <c>validFrom</c>), <c>POST {catalogue}/{code}/end</c>,
/// <c>POST {catalogue}/import</c> (CSV or JSON body) and <c>GET {catalogue}/export?format=csv|json</c> (every period).
/// </summary>
internal static class SharedCatalogueAdminEndpoints
{
    /// <summary>Largest import body (the national commune list in CSV is well under this).</summary>
    public const int MaxImportBytes = 8 * 1024 * 1024;

    public sealed record EndRequest(DateOnly? ValidUntil);

    public sealed record WriteResult(int Added, int Unchanged, int Closed);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{catalogue}/export", ExportAsync).WithName("ExportCatalogue")
            .WithSummary("Every period of every entry, as CSV (format=csv, the default) or JSON (format=json)");
        group.MapPost("/{catalogue}/import", ImportAsync).WithName("ImportCatalogue")
            .WithSummary("Add periods from a CSV (text/csv) or JSON (application/json) body; all rows or none")
            .Accepts<string>(CatalogueRows.CsvMediaType, CatalogueRows.JsonMediaType).Produces<WriteResult>().ProducesValidationProblem()
            .DisableAntiforgery();
        group.MapPut("/{catalogue}/{code}", ChangeAsync).WithName("ChangeCatalogueEntry")
            .WithSummary("New values of an entry from validFrom: its open period ends that day (a new code gets its first period)")
            .Produces<WriteResult>().ProducesValidationProblem();
        group.MapPost("/{catalogue}/{code}/end", EndAsync).WithName("EndCatalogueEntry")
            .WithSummary("End an entry's open period on validUntil (the first day it no longer applies)")
            .Produces<WriteResult>().ProducesValidationProblem();
    }

    private static async Task<IResult> ExportAsync(string catalogue, string? format, SharedCatalogues catalogues, AppDbContext db, CancellationToken cancellationToken)
    {
        if (catalogues.Find(catalogue) is not { } found)
        {
            return CatalogueApi.NotFound($"There is no catalogue '{catalogue}'.");
        }
        var periods = await found.Periods(db).AsNoTracking().OrderBy(p => p.Code).ThenBy(p => p.ValidFrom).ToListAsync(cancellationToken);
        return (format ?? "csv") switch
        {
            "csv" => Results.File(Encoding.UTF8.GetBytes(CatalogueRows.ToCsv(found, periods)), CatalogueRows.CsvMediaType + "; charset=utf-8", found.Name + ".csv"),
            "json" => Results.Ok(periods.Select(found.ToJson)),
            _ => Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["csv or json."] }),
        };
    }

    private static async Task<IResult> ImportAsync(
        string catalogue, HttpRequest request, SharedCatalogues catalogues, CatalogueChanges changes, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (catalogues.Find(catalogue) is not { } found)
        {
            return CatalogueApi.NotFound($"There is no catalogue '{catalogue}'.");
        }
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not (CatalogueRows.CsvMediaType or CatalogueRows.JsonMediaType))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send text/csv or application/json.");
        }
        if (request.ContentLength > MaxImportBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"An import is at most {MaxImportBytes / 1024 / 1024} MB.");
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        IReadOnlyList<CatalogueRow> rows;
        try
        {
            rows = mediaType == CatalogueRows.CsvMediaType ? CatalogueRows.FromCsv(text) : CatalogueRows.FromJson(text);
        }
        catch (FormatException exception)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [exception.Message] }, title: "The file cannot be read");
        }
        var outcome = await changes.ImportAsync(found, rows, UserName(request), (o, ct) =>
            audit.RecordAsync(CatalogueAuditActions.Imported, "catalogue", found.Name, details: new { rows = rows.Count, o.Added, o.Unchanged, format = mediaType }, cancellationToken: ct),
            cancellationToken);
        return Answer(outcome);
    }

    private static async Task<IResult> ChangeAsync(
        string catalogue, string code, JsonElement body, HttpRequest request, SharedCatalogues catalogues, CatalogueChanges changes, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        if (catalogues.Find(catalogue) is not { } found)
        {
            return CatalogueApi.NotFound($"There is no catalogue '{catalogue}'.");
        }
        CatalogueRow row;
        try
        {
            row = CatalogueRows.FromJson("[" + body.GetRawText() + "]")[0] with { Number = 0 };
        }
        catch (FormatException exception)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [exception.Message] });
        }
        if (row.Values.ContainsKey(SharedCatalogue.CodeColumn) && row[SharedCatalogue.CodeColumn] != code)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["The code is the one in the address; leave it out of the body."] });
        }
        var outcome = await changes.ChangeAsync(found, code, row, UserName(request), (o, ct) =>
            audit.RecordAsync(CatalogueAuditActions.EntryChanged, found.Name, code, details: new { validFrom = row[SharedCatalogue.ValidFromColumn], o.Closed }, cancellationToken: ct),
            cancellationToken);
        return Answer(outcome);
    }

    private static async Task<IResult> EndAsync(
        string catalogue, string code, EndRequest body, HttpRequest request, SharedCatalogues catalogues, CatalogueChanges changes, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        if (catalogues.Find(catalogue) is not { } found)
        {
            return CatalogueApi.NotFound($"There is no catalogue '{catalogue}'.");
        }
        if (body.ValidUntil is not { } until)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [SharedCatalogue.ValidUntilColumn] = ["Required (yyyy-MM-dd)."] });
        }
        var outcome = await changes.EndAsync(found, code, until, (o, ct) =>
            audit.RecordAsync(CatalogueAuditActions.EntryEnded, found.Name, code, details: new { validUntil = until }, cancellationToken: ct),
            cancellationToken);
        return Answer(outcome);
    }

    private static IResult Answer(CatalogueChanges.Outcome outcome) =>
        outcome.Succeeded
            ? Results.Ok(new WriteResult(outcome.Added, outcome.Unchanged, outcome.Closed))
            : Results.ValidationProblem(new Dictionary<string, string[]>(outcome.Errors!), title: "Nothing was stored: the rows have problems");

    private static string UserName(HttpRequest request) => request.HttpContext.User.Identity?.Name ?? "unknown";
}
