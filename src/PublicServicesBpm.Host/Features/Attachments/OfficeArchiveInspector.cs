using System.Collections.ObjectModel;
using System.IO.Compression;
using System.Text;

namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// Tells DOCX, XLSX, ODT and ODS apart from other ZIP files by their part names, reading only the central
/// directory. Nothing is decompressed except the ODF <c>mimetype</c> entry (at most 128 bytes). A ZIP bomb is refused
/// from the declared sizes alone, so it costs nothing to look at.
/// </summary>
internal static class OfficeArchiveInspector
{
    // A large workbook has a few thousand parts; tens of thousands means something built to exhaust a reader.
    private const int MaxEntries = 10_000;

    // What the parts may add up to once decompressed. Office XML compresses about 10:1, so this fits any real
    // document within the size limits while refusing the classic 42 KB to 4.5 PB bombs.
    private const long MaxTotalUncompressedBytes = 1L * 1024 * 1024 * 1024;

    // XML full of repeated markup reaches 100:1 at most; bombs use 1000:1 and more. Small parts are exempt
    // because their ratio means nothing (a 2 KB part of zeroes).
    private const long MaxCompressionRatio = 200;
    private const long RatioCheckedAbove = 1024 * 1024;

    private const string OdfTextType = "application/vnd.oasis.opendocument.text";
    private const string OdfSpreadsheetType = "application/vnd.oasis.opendocument.spreadsheet";

    public static AttachmentType? Inspect(Stream file)
    {
        file.Position = 0;
        try
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var entries = archive.Entries;
            RefuseBomb(entries);
            return ByPartNames(entries) ?? ByOdfMimeType(entries);
        }
        catch (InvalidDataException)
        {
            // Damaged or not really a ZIP: not a document we can recognise.
            return null;
        }
    }

    private static void RefuseBomb(ReadOnlyCollection<ZipArchiveEntry> entries)
    {
        if (entries.Count > MaxEntries)
        {
            throw new AttachmentRejectedException(AttachmentError.UnsafeArchive);
        }
        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            var extreme = entry.Length > RatioCheckedAbove && entry.Length / Math.Max(1, entry.CompressedLength) > MaxCompressionRatio;
            if (extreme || total > MaxTotalUncompressedBytes)
            {
                throw new AttachmentRejectedException(AttachmentError.UnsafeArchive);
            }
        }
    }

    /// <summary>Open Packaging Conventions: <c>[Content_Types].xml</c> plus the main parts' folder.</summary>
    private static AttachmentType? ByPartNames(ReadOnlyCollection<ZipArchiveEntry> entries)
    {
        if (!entries.Any(e => e.FullName == "[Content_Types].xml"))
        {
            return null;
        }
        var word = entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal));
        var excel = entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal));
        return (word, excel) switch
        {
            (true, false) => AttachmentType.Docx,
            (false, true) => AttachmentType.Xlsx,
            // Neither (a PowerPoint, a NuGet package) or both (crafted): not a type we accept.
            _ => null,
        };
    }

    /// <summary>OpenDocument: the first entry is <c>mimetype</c>, stored, holding the media type.</summary>
    private static AttachmentType? ByOdfMimeType(ReadOnlyCollection<ZipArchiveEntry> entries)
    {
        var first = entries.FirstOrDefault();
        if (first is not { FullName: "mimetype", Length: > 0 and <= 128 })
        {
            return null;
        }
        Span<byte> buffer = stackalloc byte[128];
        using var stream = first.Open();
        var read = stream.ReadAtLeast(buffer, (int)first.Length, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer[..read]) switch
        {
            OdfTextType => AttachmentType.Odt,
            OdfSpreadsheetType => AttachmentType.Ods,
            _ => null,
        };
    }
}
