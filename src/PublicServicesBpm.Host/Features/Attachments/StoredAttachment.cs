namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>A file kept by the <see cref="AttachmentStore"/>; the hash is its name on disk and its identity.</summary>
/// <param name="Sha256">The SHA-256 of the content, 64 lower-case hexadecimal digits.</param>
/// <param name="Size">The length in bytes.</param>
/// <param name="ContentType">The media type detected from the content (never the one the sender declared).</param>
/// <param name="Extension">The canonical extension of that type, with its dot, e.g. <c>.pdf</c>.</param>
internal sealed record StoredAttachment(string Sha256, long Size, string ContentType, string Extension);
