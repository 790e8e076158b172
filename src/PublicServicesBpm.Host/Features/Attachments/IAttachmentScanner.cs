namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// The virus-scan port. The store calls it once per new file, after the type checks and before the file is kept;
/// an exception from it refuses the file too (fail closed), so an unreachable scanner never lets a file through.
/// </summary>
internal interface IAttachmentScanner
{
    /// <summary>Reads <paramref name="content"/> (positioned at 0, read-only) and says whether it may be kept.</summary>
    Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken);
}

/// <summary>The scanner's answer. <paramref name="Threat"/> names what was found (for the log, not for applicants).</summary>
internal sealed record ScanVerdict(bool IsClean, string? Threat)
{
    public static readonly ScanVerdict Clean = new(true, null);

    public static ScanVerdict Infected(string threat) => new(false, threat);
}
