using System.Globalization;

namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// A file the store refused; nothing of it was kept. <see cref="Exception.Message"/> is English (for logs);
/// <see cref="Describe"/> gives the plain sentence for the person who sent it, in their language.
/// </summary>
internal sealed class AttachmentRejectedException : Exception
{
    private readonly string[] _arguments;

    public AttachmentRejectedException(AttachmentError error, params string[] arguments)
        : base(AttachmentMessages.Describe(error, AttachmentMessages.English, arguments))
    {
        Error = error;
        _arguments = arguments;
    }

    public AttachmentError Error { get; }

    /// <summary>The stable code, e.g. <c>attachment.too-large</c>.</summary>
    public string Code => Error.Code();

    /// <summary>The message in <paramref name="culture"/> (Vietnamese unless English is asked for).</summary>
    public string Describe(CultureInfo culture) => AttachmentMessages.Describe(Error, culture, _arguments);
}
