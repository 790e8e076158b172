namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// Recognises a file's type from its content, never from its name: the published signatures ("magic numbers") at
/// offset 0, then, for the two container formats, a look inside (the ZIP central directory, the OLE2 directory).
/// Returns null for anything else (executables, HTML, plain ZIP, ...), which no allow-list can contain.
/// </summary>
internal static class ContentTypeDetector
{
    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> TiffLittleEndian => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBigEndian => [0x4D, 0x4D, 0x00, 0x2A];
    private static ReadOnlySpan<byte> ZipLocalHeader => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The type of <paramref name="file"/> (seekable, read from its start), or null when not recognised.</summary>
    /// <exception cref="AttachmentRejectedException"><see cref="AttachmentError.UnsafeArchive"/> for a ZIP bomb.</exception>
    public static AttachmentType? Detect(Stream file)
    {
        Span<byte> head = stackalloc byte[8];
        file.Position = 0;
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..length];
        if (head.StartsWith(PdfSignature))
        {
            return AttachmentType.Pdf;
        }
        if (head.StartsWith(PngSignature))
        {
            return AttachmentType.Png;
        }
        if (head.StartsWith(JpegSignature))
        {
            return AttachmentType.Jpeg;
        }
        if (head.StartsWith(TiffLittleEndian) || head.StartsWith(TiffBigEndian))
        {
            return AttachmentType.Tiff;
        }
        if (head.StartsWith(ZipLocalHeader))
        {
            return OfficeArchiveInspector.Inspect(file);
        }
        if (head.StartsWith(CompoundFileSignature))
        {
            return CompoundFileInspector.Inspect(file);
        }
        return null;
    }
}
