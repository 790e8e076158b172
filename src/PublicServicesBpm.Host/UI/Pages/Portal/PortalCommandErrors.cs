using System.Globalization;
using PublicServicesBpm.Host.Features.Attachments;
using PublicServicesBpm.Host.Features.Dossiers;

namespace PublicServicesBpm.Host.UI.Pages.Portal;

/// <summary>The texts a refused dossier command or upload shows on a portal page: the API layer's own words.</summary>
internal static class PortalCommandErrors
{
    public static List<string> Of(DossierCommandException exception) =>
        exception.Errors is { Count: > 0 } errors
            ? [.. errors.SelectMany(e => e.Value.Select(m => e.Key.StartsWith("formData.", StringComparison.Ordinal) ? $"{e.Key["formData.".Length..]}: {m}" : m)).Distinct()]
            : [exception.Message];

    /// <summary>
    /// Stores the file posted in the field <c>file</c> of the current multipart form for one component of the dossier;
    /// the errors to show, empty when it was stored.
    /// </summary>
    public static async Task<List<string>> UploadAsync(HttpContext http, DossierViewer viewer, Guid id, string componentCode, string noFileText)
    {
        var file = http.Request.HasFormContentType ? http.Request.Form.Files.GetFile("file") : null;
        if (file is null || file.Length == 0)
        {
            return [noFileText];
        }
        var files = http.RequestServices.GetRequiredService<DossierFiles>();
        try
        {
            var plan = await files.PlanAsync(viewer, id, componentCode, replaces: null, http.RequestAborted);
            await using var content = file.OpenReadStream();
            await files.SaveAsync(viewer, plan, content, Path.GetFileName(file.FileName), http.RequestAborted);
            return [];
        }
        catch (DossierCommandException exception)
        {
            return Of(exception);
        }
        catch (AttachmentRejectedException refusal)
        {
            return Of(refusal);
        }
    }

    public static List<string> Of(AttachmentRejectedException refusal) => [refusal.Describe(CultureInfo.CurrentUICulture)];
}
