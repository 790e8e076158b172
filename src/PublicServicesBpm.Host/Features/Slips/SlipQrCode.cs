using QRCoder;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>The QR code printed on slips: the public lookup page of the dossier, as a black-and-white PNG.</summary>
internal static class SlipQrCode
{
    /// <summary><c>&lt;base&gt;/tra-cuu?ma=&lt;code&gt;</c>; the secret is not in it, so a photographed slip alone reveals nothing.</summary>
    public static string LookupUrl(Uri publicBaseUrl, string dossierCode) =>
        publicBaseUrl.AbsoluteUri.TrimEnd('/') + "/tra-cuu?ma=" + Uri.EscapeDataString(dossierCode);

    private static readonly byte[] Dark = [0, 0, 0, 255];
    private static readonly byte[] Light = [255, 255, 255, 255];

    /// <summary>
    /// Error correction M survives a worn or stamped slip; 8 pixels a module prints sharply at 20–30 mm. Explicit colours
    /// make QRCoder write a 1-bit palette PNG, which PDFsharp's core build imports (it rejects 1-bit greyscale).
    /// </summary>
    public static byte[] Png(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(8, Dark, Light);
    }

    /// <summary>The module matrix of a payload (dark = true), without the quiet zone: what a reader decodes.</summary>
    public static bool[,] Modules(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        // QRCoder keeps a 4-module quiet zone inside ModuleMatrix.
        var size = rows.Count - 8;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = rows[y + 4][x + 4];
            }
        }
        return modules;
    }
}
