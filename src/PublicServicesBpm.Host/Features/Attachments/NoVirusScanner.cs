namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// The default scanner: it scans nothing and accepts every file. It exists so the hook is always called; a
/// deployment that must scan registers its own <see cref="IAttachmentScanner"/> (see docs/attachments.md, ClamAV).
/// </summary>
internal sealed class NoVirusScanner : IAttachmentScanner
{
    public Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken) => Task.FromResult(ScanVerdict.Clean);
}
