using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PublicServicesBpm.IntegrationTests.Attachments;

/// <summary>Small but well-formed files of each kind, built from their published layouts.</summary>
internal static class SampleFiles
{
    /// <summary>A 1×1 red PNG (signature, IHDR, IDAT, IEND with their CRCs).</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>A one-page PDF whose cross-reference table points at its real object offsets.</summary>
    public static byte[] Pdf(string text = "Hello")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R >>",
            $"<< /Length {text.Length + 20} >>\nstream\nBT /F1 12 Tf ({text}) Tj ET\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A JFIF header (SOI, APP0 "JFIF" 1.1, 1:1 density) followed by EOI.</summary>
    public static byte[] Jpeg() =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00,
        0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9,
    ];

    /// <summary>A little-endian baseline TIFF: one IFD describing a 1×1 bilevel strip of one byte.</summary>
    public static byte[] Tiff()
    {
        const ushort count = 8;
        const ushort stripOffset = 8 + 2 + (count * 12) + 4;
        (ushort Tag, ushort Value)[] entries = [(256, 1), (257, 1), (258, 1), (259, 1), (262, 1), (273, stripOffset), (278, 1), (279, 1)];
        var bytes = new byte[stripOffset + 1];
        "II*\0"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), count);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = bytes.AsSpan(10 + (i * 12), 12);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 3); // SHORT
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], entries[i].Value);
        }
        return bytes;
    }

    /// <summary>A Word document package: content types, package relationships and the main part.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", ContentTypes("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
        ("_rels/.rels", Relationships("word/document.xml")),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Xin chào</w:t></w:r></w:p></w:body></w:document>"));

    /// <summary>An Excel workbook package with one empty sheet.</summary>
    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", ContentTypes("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
        ("_rels/.rels", Relationships("xl/workbook.xml")),
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"));

    /// <summary>An OpenDocument file: <c>mimetype</c> first and stored, then the manifest and content.</summary>
    public static byte[] OpenDocument(string mimeType)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "mimetype", mimeType, CompressionLevel.NoCompression);
            Add(archive, "META-INF/manifest.xml", $"<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"{mimeType}\"/></manifest:manifest>", CompressionLevel.Optimal);
            Add(archive, "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>", CompressionLevel.Optimal);
        }
        return buffer.ToArray();
    }

    /// <summary>A version 3 OLE2 compound file: header, one FAT sector, one directory sector with Root Entry and a stream.</summary>
    public static byte[] CompoundFile(string streamName)
    {
        const int sector = 512;
        var bytes = new byte[sector * 3];
        var header = bytes.AsSpan(0, sector);
        ReadOnlySpan<byte> signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3); // major version
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE); // byte order
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9); // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6); // 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096); // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], 0xFFFFFFFE); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], 0xFFFFFFFE); // no DIFAT sectors
        for (var slot = 0; slot < 109; slot++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (slot * 4))..], slot == 0 ? 0u : 0xFFFFFFFF);
        }
        var fat = bytes.AsSpan(sector, sector);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD); // sector 0 is a FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE); // sector 1 (directory) ends its chain
        var directory = bytes.AsSpan(sector * 2, sector);
        DirectoryEntry(directory[..128], "Root Entry", type: 5, child: 1);
        DirectoryEntry(directory[128..256], streamName, type: 2, child: 0xFFFFFFFF);
        return bytes;
    }

    private static void DirectoryEntry(Span<byte> entry, string name, byte type, uint child)
    {
        var written = Encoding.Unicode.GetBytes(name, entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(written + 2));
        entry[0x42] = type;
        entry[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], 0xFFFFFFFF); // left sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], 0xFFFFFFFF); // right sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], 0xFFFFFFFE); // starting sector: none (empty stream)
    }

    /// <summary>A ZIP of the given text entries.</summary>
    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                Add(archive, name, text, CompressionLevel.Optimal);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A DOCX whose main part declares <paramref name="bytes"/> of zeroes, deflated to almost nothing.</summary>
    public static byte[] DocxBomb(int bytes)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "[Content_Types].xml", "<Types/>", CompressionLevel.Optimal);
            using var part = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeroes = new byte[1024 * 1024];
            for (var written = 0; written < bytes; written += zeroes.Length)
            {
                part.Write(zeroes, 0, Math.Min(zeroes.Length, bytes - written));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A DOCX-looking ZIP with <paramref name="count"/> tiny entries.</summary>
    public static byte[] DocxWithEntries(int count)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "[Content_Types].xml", "<Types/>", CompressionLevel.Optimal);
            for (var i = 0; i < count; i++)
            {
                archive.CreateEntry($"word/part{i}.xml", CompressionLevel.NoCompression);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The start of a Windows executable: "MZ", the DOS stub, and the PE offset.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[256];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x3C), 0x80);
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

    private static void Add(ZipArchive archive, string name, string text, CompressionLevel level)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name, level).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static string ContentTypes(string mainPart, string mainType) =>
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + $"<Override PartName=\"{mainPart}\" ContentType=\"{mainType}\"/></Types>";

    private static string Relationships(string target) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{target}\"/></Relationships>";
}
