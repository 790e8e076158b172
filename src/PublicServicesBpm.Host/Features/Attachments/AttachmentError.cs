namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>Why a file was refused. <see cref="AttachmentErrors.Code"/> gives each its stable string code.</summary>
internal enum AttachmentError
{
    /// <summary><c>attachment.too-large</c>: more bytes than the limit.</summary>
    TooLarge,

    /// <summary><c>attachment.empty</c>: no bytes at all.</summary>
    Empty,

    /// <summary><c>attachment.type-not-allowed</c>: the content is of a type not on the allow-list, or unknown.</summary>
    TypeNotAllowed,

    /// <summary><c>attachment.type-mismatch</c>: the declared file-name extension contradicts the content.</summary>
    TypeMismatch,

    /// <summary><c>attachment.infected</c>: the virus scanner refused it.</summary>
    Infected,

    /// <summary><c>attachment.invalid-name</c>: an unusable file name, or a hash that is not 64 hex digits.</summary>
    InvalidName,

    /// <summary><c>attachment.unsafe-archive</c>: a ZIP-based document with too many entries or an extreme compression ratio.</summary>
    UnsafeArchive,
}

/// <summary>The stable codes of <see cref="AttachmentError"/>, for API problem types and client-side handling.</summary>
internal static class AttachmentErrors
{
    public static string Code(this AttachmentError error) => error switch
    {
        AttachmentError.TooLarge => "attachment.too-large",
        AttachmentError.Empty => "attachment.empty",
        AttachmentError.TypeNotAllowed => "attachment.type-not-allowed",
        AttachmentError.TypeMismatch => "attachment.type-mismatch",
        AttachmentError.Infected => "attachment.infected",
        AttachmentError.InvalidName => "attachment.invalid-name",
        AttachmentError.UnsafeArchive => "attachment.unsafe-archive",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };
}
