namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>Where and how large attachments are stored (section <c>Attachments</c>).</summary>
internal sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>
    /// The directory that holds every stored file. A relative path resolves against the working directory, like the
    /// host's other data paths (<c>.data/postgres</c>), so that a rebuild never moves it. Default <c>.data/attachments</c>.
    /// </summary>
    public string Root { get; set; } = ".data/attachments";

    /// <summary>
    /// The ceiling for any single file, whatever a caller asks for: a per-call limit above it is lowered to it.
    /// Default 50 MiB (a scanned multi-page dossier component at 300 dpi stays well below).
    /// </summary>
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;
}
