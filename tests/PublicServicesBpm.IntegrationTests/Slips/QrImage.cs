using PublicServicesBpm.Host.Features.Slips;
using UglyToad.PdfPig.Content;

namespace PublicServicesBpm.IntegrationTests.Slips;

/// <summary>
/// Reads the QR image back from the PDF and compares every module with the QR code of a payload: a decoder with the
/// answer known (no QR decoding library is among the project's packages).
/// </summary>
internal static class QrImage
{
    private const int PixelsPerModule = 8;
    private const int QuietZone = 4;

    public static bool Matches(IPdfImage image, string payload)
    {
        var modules = SlipQrCode.Modules(payload);
        var size = modules.GetLength(0);
        if (image.WidthInSamples != (size + 2 * QuietZone) * PixelsPerModule || image.HeightInSamples != image.WidthInSamples)
        {
            return false;
        }
        Assert.True(image.TryGetBytesAsMemory(out var memory), "the image's samples can be decoded");
        var samples = memory.Span;
        var rowBytes = samples.Length / image.HeightInSamples;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var px = (x + QuietZone) * PixelsPerModule + PixelsPerModule / 2;
                var py = (y + QuietZone) * PixelsPerModule + PixelsPerModule / 2;
                if (Dark(samples, rowBytes, image, px, py) != modules[y, x])
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static bool Dark(ReadOnlySpan<byte> samples, int rowBytes, IPdfImage image, int x, int y)
    {
        var row = samples.Slice(y * rowBytes, rowBytes);
        if (image.BitsPerComponent == 1)
        {
            var bit = (row[x / 8] >> (7 - (x % 8))) & 1;
            // In a 1-bit indexed or gray image the palette decides; QRCoder writes index 0 = black.
            return bit == 0;
        }
        var components = rowBytes / image.WidthInSamples;
        return row[x * components] < 128;
    }
}
