using Microsoft.Extensions.Options;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>Settings of section <c>Slips</c>.</summary>
internal sealed class SlipOptions
{
    /// <summary>The public portal's address; the QR code points at <c>&lt;PublicBaseUrl&gt;/tra-cuu?ma=&lt;code&gt;</c>.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The folder of the templates, relative to the working directory (the repository root under <c>dotnet run</c>).</summary>
    public string TemplatesDirectory { get; set; } = "slips";
}

/// <summary>Renders the slips (forms 01–05 as A5 PDF) and the register (form 06 as A4 PDF and Excel) from their templates.</summary>
internal sealed class SlipDocuments
{
    private readonly SlipTemplates _templates;
    private readonly Uri _publicBaseUrl;

    public SlipDocuments(SlipTemplates templates, Uri publicBaseUrl)
    {
        if (!publicBaseUrl.IsAbsoluteUri || publicBaseUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"The public base URL must be an absolute http(s) address, not '{publicBaseUrl}'.", nameof(publicBaseUrl));
        }
        _templates = templates;
        _publicBaseUrl = publicBaseUrl;
    }

    public SlipDocuments(SlipTemplates templates, IOptions<SlipOptions> options)
        : this(templates, options.Value.PublicBaseUrl ?? throw new InvalidOperationException("Set Slips:PublicBaseUrl, the public portal's address printed in the slips' QR codes."))
    {
    }

    /// <summary>The PDF of one slip, from the template of its form.</summary>
    public SlipPdf Pdf<TSlip>(TSlip slip)
        where TSlip : ISlip<TSlip> => SlipPdfRenderer.Render(_templates.For(TSlip.Schema.Form), Values(slip));

    /// <summary>The register as an Excel workbook with the columns of the form 06 template's table.</summary>
    public byte[] RegisterExcel(DossierRegister register) =>
        Slips.RegisterExcel.Write(_templates.For(DossierRegister.Schema.Form), Values(register));

    private SlipValues Values<TSlip>(TSlip slip)
        where TSlip : ISlip<TSlip>
    {
        var values = TSlip.Schema.Read(slip);
        var fields = new Dictionary<string, object?>(values.Fields, StringComparer.Ordinal)
        {
            [SlipForms.LookupUrlField] = string.IsNullOrWhiteSpace(slip.DossierCode) ? null : SlipQrCode.LookupUrl(_publicBaseUrl, slip.DossierCode),
        };
        return values with { Fields = fields };
    }
}

/// <summary>Registration: the templates are read and checked once, on first use (call <c>SlipTemplates</c> at start-up to fail early).</summary>
internal static class SlipServices
{
    public static IServiceCollection AddSlips(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SlipOptions>(configuration.GetSection("Slips"));
        services.AddSingleton(sp => SlipTemplates.Load(Path.GetFullPath(sp.GetRequiredService<IOptions<SlipOptions>>().Value.TemplatesDirectory)));
        services.AddSingleton<SlipDocuments>();
        return services;
    }
}
