using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Host.Features.Slips;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// Slips as PDF (H19, docs/slips.md): <c>/{id}/slips/{form}</c> for forms 01–05 (officers of the dossier's agency;
/// its applicant form 01) and the register, form 06, as PDF or Excel for officers of the agency.
/// </summary>
internal static class DossierSlipEndpoints
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/slips/{form}", SlipAsync).WithName("GetDossierSlip")
            .WithSummary("Form 01 (receipt and appointment), 02 (supplementation request), 03 (refusal), 04 (apology), 05 (control sheet) as A5 PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/register", RegisterAsync).WithName("GetDossierRegister")
            .WithSummary("Form 06, the register of an agency's dossiers received in a period: ?agency=&from=&to=&status=&format=pdf|xlsx")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").Produces(StatusCodes.Status200OK, contentType: XlsxContentType);
    }

    private static async Task<IResult> SlipAsync(Guid id, string form, HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not { } viewer)
        {
            return Results.Forbid();
        }
        try
        {
            var slips = http.RequestServices.GetRequiredService<DossierSlips>();
            var (pdf, code) = await slips.RenderAsync(viewer, id, form, Documents(http), http.RequestAborted);
            return Results.File(pdf.Content, "application/pdf", $"mau-{form}-{code ?? id.ToString("N")}.pdf");
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
    }

    private static async Task<IResult> RegisterAsync(
        [FromQuery] string? agency, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? status, [FromQuery] string? format, HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not DossierViewer.Officer officer)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Sổ theo dõi hồ sơ dành cho cán bộ của cơ quan.");
        }
        var errors = new Dictionary<string, string[]>();
        var agencies = officer.Scope.Agencies;
        var agencyCode = agency ?? (agencies.Count == 1 ? agencies.Single() : null);
        if (agencyCode is null)
        {
            errors["agency"] = ["Chọn cơ quan: " + string.Join(", ", agencies.Order(StringComparer.Ordinal)) + "."];
        }
        var today = Audit.VietnamTime.LocalDate(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        var fromDay = Day(from, new DateOnly(today.Year, today.Month, 1), "from", errors);
        var toDay = Day(to, today, "to", errors);
        if (errors.Count == 0 && (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber > 366))
        {
            errors["to"] = ["Khoảng thời gian từ 1 ngày đến 1 năm, 'to' không trước 'from'."];
        }
        short? statusCode = null;
        if (status is not null)
        {
            statusCode = short.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 10 ? parsed : null;
            if (statusCode is null)
            {
                errors["status"] = ["Mã trạng thái từ 1 đến 10."];
            }
        }
        var kind = (format ?? "pdf").ToLowerInvariant();
        if (kind is not ("pdf" or "xlsx"))
        {
            errors["format"] = ["Định dạng là pdf hoặc xlsx."];
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        if (!officer.Scope.CanHandleDossiersOf(agencyCode!))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: $"Bạn không có vai trò tại cơ quan '{agencyCode}'.");
        }
        try
        {
            var register = await http.RequestServices.GetRequiredService<DossierSlips>().RegisterAsync(agencyCode!, fromDay, toDay, statusCode, http.RequestAborted);
            var documents = Documents(http);
            var name = string.Create(CultureInfo.InvariantCulture, $"so-theo-doi-{agencyCode}-{fromDay:yyyyMMdd}-{toDay:yyyyMMdd}");
            return kind == "xlsx"
                ? Results.File(documents.RegisterExcel(register), XlsxContentType, name + ".xlsx")
                : Results.File(documents.Pdf(register).Content, "application/pdf", name + ".pdf");
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
    }

    /// <summary>The slip renderer; without <c>Slips:PublicBaseUrl</c> the QR codes point at this host's own address.</summary>
    private static SlipDocuments Documents(HttpContext http)
    {
        var services = http.RequestServices;
        return services.GetRequiredService<IOptions<SlipOptions>>().Value.PublicBaseUrl is not null
            ? services.GetRequiredService<SlipDocuments>()
            : new SlipDocuments(services.GetRequiredService<SlipTemplates>(), new Uri($"{http.Request.Scheme}://{http.Request.Host}/"));
    }

    private static DateOnly Day(string? text, DateOnly fallback, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[field] = ["Ngày theo dạng yyyy-MM-dd."];
        return fallback;
    }
}
