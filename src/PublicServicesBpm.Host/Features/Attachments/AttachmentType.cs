namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// A file type the store can recognise from its content. Each instance is a singleton, so reference equality is
/// the type's identity; <see cref="Extensions"/> are the file-name endings that may honestly carry it.
/// </summary>
internal sealed class AttachmentType
{
    public static readonly AttachmentType Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly AttachmentType Jpeg = new("JPEG", "image/jpeg", ".jpg", ".jpeg", ".jpe", ".jfif");
    public static readonly AttachmentType Png = new("PNG", "image/png", ".png");
    public static readonly AttachmentType Tiff = new("TIFF", "image/tiff", ".tif", ".tiff");
    public static readonly AttachmentType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly AttachmentType Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly AttachmentType Doc = new("DOC", "application/msword", ".doc");
    public static readonly AttachmentType Xls = new("XLS", "application/vnd.ms-excel", ".xls");
    public static readonly AttachmentType Odt = new("ODT", "application/vnd.oasis.opendocument.text", ".odt");
    public static readonly AttachmentType Ods = new("ODS", "application/vnd.oasis.opendocument.spreadsheet", ".ods");

    /// <summary>Every recognised type; the default allow-list when a caller names none.</summary>
    public static readonly IReadOnlyList<AttachmentType> All = [Pdf, Jpeg, Png, Tiff, Docx, Xlsx, Doc, Xls, Odt, Ods];

    /// <summary>Scans and photos only: what an identity document or a portrait component usually asks for.</summary>
    public static readonly IReadOnlyList<AttachmentType> ScansAndPhotos = [Pdf, Jpeg, Png, Tiff];

    private AttachmentType(string name, string contentType, params string[] extensions)
    {
        Name = name;
        ContentType = contentType;
        Extensions = extensions;
    }

    /// <summary>The short name shown to people, e.g. <c>PDF</c>.</summary>
    public string Name { get; }

    public string ContentType { get; }

    /// <summary>The canonical extension (the first of <see cref="Extensions"/>), with its dot.</summary>
    public string Extension => Extensions[0];

    /// <summary>Lower-case extensions with their dot; the first is canonical.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Whether a declared file-name extension (any case, with its dot) fits this type.</summary>
    public bool Accepts(string extension) => Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => Name;
}
