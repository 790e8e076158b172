using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PublicServicesBpm.Host.Features.Attachments;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// Dossier files (P6, P9; docs/attachments.md): upload to a component (multipart/form-data, one field <c>file</c>),
/// list, download. The body is streamed straight into the attachment store after the caller's right to upload
/// has been checked, so a refused request costs no disk.
/// </summary>
internal static class DossierFileEndpoints
{
    /// <summary>Room for the multipart headers around the file itself.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/components/{componentCode}/files", UploadAsync).WithName("UploadDossierFile")
            .WithSummary("Upload a file to a component (or 'result'); ?replaces=<fileId> supersedes an earlier file")
            .Accepts<IFormFile>("multipart/form-data").Produces<DossierFileView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();
        group.MapGet("/{id:guid}/files", ListAsync).WithName("ListDossierFiles").WithSummary("The dossier's files, superseded ones included");
        group.MapGet("/{id:guid}/files/{fileId:guid}", DownloadAsync).WithName("DownloadDossierFile").WithSummary("Download one file of the dossier (?view=inline: PDF and images shown in the browser)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
    }

    private static async Task<IResult> UploadAsync(Guid id, string componentCode, [FromQuery] Guid? replaces, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        if (await http.RequestServices.GetRequiredService<DossierAccess>().CurrentAsync(cancellationToken) is not { } viewer)
        {
            return Results.Forbid();
        }
        var files = http.RequestServices.GetRequiredService<DossierFiles>();
        try
        {
            var plan = await files.PlanAsync(viewer, id, componentCode, replaces, cancellationToken);
            if (Boundary(http.Request) is not { } boundary)
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                    detail: "Gửi tệp dưới dạng multipart/form-data, trường 'file'.");
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = files.MaxBytes + MultipartOverhead;
            }
            var reader = new MultipartReader(boundary, http.Request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.IsFileDisposition() && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("file", StringComparison.Ordinal))
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
                    var view = await files.SaveAsync(viewer, plan, section.Body, fileName, cancellationToken);
                    return Results.Created($"/api/v1/dossiers/{id}/files/{view.Id}", view);
                }
            }
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Chọn tệp để tải lên (trường 'file')."] });
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
        catch (AttachmentRejectedException refusal)
        {
            return Refused(refusal);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(new AttachmentRejectedException(AttachmentError.TooLarge, AttachmentMessages.Size(files.MaxBytes)));
        }
        catch (InvalidDataException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed multipart body", detail: exception.Message);
        }
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not { } viewer)
        {
            return Results.Forbid();
        }
        try
        {
            return Results.Ok(await http.RequestServices.GetRequiredService<DossierFiles>().ListAsync(viewer, id, http.RequestAborted));
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
    }

    /// <summary>Types a browser shows by itself without running anything from the file: only these are previewed inline.</summary>
    private static readonly HashSet<string> PreviewTypes = new(StringComparer.OrdinalIgnoreCase) { "application/pdf", "image/png", "image/jpeg" };

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, [FromQuery] string? view, HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not { } viewer)
        {
            return Results.Forbid();
        }
        try
        {
            var (file, content) = await http.RequestServices.GetRequiredService<DossierFiles>().OpenAsync(viewer, id, fileId, http.RequestAborted);
            // Stored files never change: the hash is a perfect validator.
            var entityTag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
            if (view == "inline" && PreviewTypes.Contains(file.ContentType))
            {
                // A preview (the workspace's "Xem" link): shown in the browser's own viewer, still named for saving.
                var disposition = new ContentDispositionHeaderValue("inline");
                disposition.SetHttpFileName(file.FileName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                return Results.Stream(content, file.ContentType, lastModified: file.UploadedAt, entityTag: entityTag, enableRangeProcessing: true);
            }
            return Results.Stream(content, file.ContentType, file.FileName, lastModified: file.UploadedAt, entityTag: entityTag, enableRangeProcessing: true);
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
    }

    private static string? Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return boundary is { Length: > 0 and <= 200 } ? boundary : null;
    }

    /// <summary>413 for size, 415 for type, 422 for a virus, 400 for the rest; the stable code is the problem type.</summary>
    private static IResult Refused(AttachmentRejectedException refusal) => Results.Problem(
        statusCode: refusal.Error switch
        {
            AttachmentError.TooLarge => StatusCodes.Status413PayloadTooLarge,
            AttachmentError.TypeNotAllowed or AttachmentError.TypeMismatch or AttachmentError.UnsafeArchive => StatusCodes.Status415UnsupportedMediaType,
            AttachmentError.Infected => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status400BadRequest,
        },
        title: "The file was refused",
        detail: refusal.Describe(CultureInfo.CurrentUICulture),
        type: refusal.Code,
        extensions: new Dictionary<string, object?> { ["code"] = refusal.Code });
}
