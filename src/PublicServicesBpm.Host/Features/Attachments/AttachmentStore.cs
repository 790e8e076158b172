using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// Keeps uploaded files on disk by the SHA-256 of their content, as <c>&lt;root&gt;/&lt;aa&gt;/&lt;bb&gt;/&lt;sha256&gt;</c>.
/// A file is written once and never overwritten: the same content twice is the same file. A refused or failed
/// save leaves nothing behind. Metadata (file name, component, dossier) belongs to the caller, keyed by the hash.
/// </summary>
internal sealed class AttachmentStore
{
    private const int BufferSize = 81920;
    private const int MaxFileNameLength = 255;
    private const string TemporaryFolder = "tmp";

    private readonly long _ceiling;
    private readonly IAttachmentScanner _scanner;
    private readonly ILogger<AttachmentStore> _logger;

    public AttachmentStore(IOptions<AttachmentOptions> options, IAttachmentScanner scanner, ILogger<AttachmentStore> logger)
    {
        Root = Path.GetFullPath(options.Value.Root);
        _ceiling = options.Value.MaxBytes;
        _scanner = scanner;
        _logger = logger;
    }

    /// <summary>The absolute directory every file lives under.</summary>
    public string Root { get; }

    /// <summary>Stores <paramref name="content"/> if its type is one of <see cref="AttachmentType.All"/>.</summary>
    /// <inheritdoc cref="SaveAsync(Stream, string, long, IReadOnlyCollection{AttachmentType}?, CancellationToken)"/>
    public Task<StoredAttachment> SaveAsync(Stream content, string declaredFileName, long maxBytes, CancellationToken cancellationToken) =>
        SaveAsync(content, declaredFileName, maxBytes, allowedTypes: null, cancellationToken);

    /// <summary>
    /// Streams <paramref name="content"/> to a temporary file while hashing it, then checks, in order: the size
    /// (at most <paramref name="maxBytes"/>, and never above <see cref="AttachmentOptions.MaxBytes"/>; reading stops
    /// one byte past it), emptiness, the type detected from the content against <paramref name="allowedTypes"/>
    /// (null: every recognised type), the declared extension against that type, and the virus scanner. Only then is
    /// the file moved into place, atomically and without replacing an existing file of the same hash.
    /// </summary>
    /// <param name="content">The upload, read once from its current position; not disposed.</param>
    /// <param name="declaredFileName">The name the sender gave; only its extension is used, to catch a lie.</param>
    /// <param name="maxBytes">The largest size accepted for this call, in bytes (positive).</param>
    /// <param name="allowedTypes">The types this call accepts; null for <see cref="AttachmentType.All"/>.</param>
    /// <param name="cancellationToken">Cancels the save; the temporary file is removed.</param>
    /// <exception cref="AttachmentRejectedException">The file was refused; nothing was kept.</exception>
    public async Task<StoredAttachment> SaveAsync(
        Stream content, string declaredFileName, long maxBytes, IReadOnlyCollection<AttachmentType>? allowedTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var limit = Math.Min(maxBytes, _ceiling);
        var allowed = allowedTypes ?? AttachmentType.All;
        var temporary = Path.Combine(Root, TemporaryFolder, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            var extension = DeclaredExtension(declaredFileName);
            Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
            var (sha256, size) = await CopyHashingAsync(content, temporary, limit, cancellationToken);
            var type = Classify(temporary, extension, allowed);
            await ScanAsync(temporary, cancellationToken);
            var kept = Keep(temporary, sha256);
            _logger.LogInformation("Attachment {Sha256} ({Size} bytes, {ContentType}) {Outcome}",
                sha256, size, type.ContentType, kept ? "stored" : "already stored");
            return new StoredAttachment(sha256, size, type.ContentType, type.Extension);
        }
        catch (AttachmentRejectedException refusal)
        {
            _logger.LogWarning("Attachment {FileName} refused: {Code} {Reason}", declaredFileName, refusal.Code, refusal.Message);
            throw;
        }
        finally
        {
            // After a successful move the temporary name no longer exists and there is nothing to delete.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>A read-only stream of the stored file, or null when no file has that hash.</summary>
    /// <exception cref="AttachmentRejectedException"><see cref="AttachmentError.InvalidName"/> unless 64 hex digits.</exception>
    public Stream? OpenRead(string sha256)
    {
        var path = PathOf(NormalizeHash(sha256));
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether a file with that hash is stored.</summary>
    public bool Exists(string sha256) => File.Exists(PathOf(NormalizeHash(sha256)));

    /// <summary>Two levels of 256 folders keep each directory small even with millions of files.</summary>
    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);

    private static string NormalizeHash(string sha256)
    {
        // Only hex digits reach the file system: no separators, no "..", no other names under the root.
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigit))
        {
            throw new AttachmentRejectedException(AttachmentError.InvalidName);
        }
        return sha256.ToLowerInvariant();
    }

    private static string DeclaredExtension(string declaredFileName)
    {
        var invalid = string.IsNullOrWhiteSpace(declaredFileName)
            || declaredFileName.Length > MaxFileNameLength
            || declaredFileName is "." or ".."
            || declaredFileName.Any(c => char.IsControl(c) || c is '/' or '\\');
        return invalid ? throw new AttachmentRejectedException(AttachmentError.InvalidName) : Path.GetExtension(declaredFileName);
    }

    private static async Task<(string Sha256, long Size)> CopyHashingAsync(Stream content, string temporary, long limit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            long total = 0;
            while (true)
            {
                // Never ask for more than one byte past the limit: an endless upload is cut off there.
                var wanted = (int)Math.Min(buffer.Length, limit + 1 - total);
                var read = await content.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                total += read;
                if (total > limit)
                {
                    throw new AttachmentRejectedException(AttachmentError.TooLarge, AttachmentMessages.Size(limit));
                }
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            if (total == 0)
            {
                throw new AttachmentRejectedException(AttachmentError.Empty);
            }
            // On disk before it gets its final name, so a crash never leaves a named file with missing content.
            target.Flush(flushToDisk: true);
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static AttachmentType Classify(string temporary, string extension, IReadOnlyCollection<AttachmentType> allowed)
    {
        AttachmentType? type;
        using (var file = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            type = ContentTypeDetector.Detect(file);
        }
        if (type is null || !allowed.Contains(type))
        {
            throw new AttachmentRejectedException(AttachmentError.TypeNotAllowed, string.Join(", ", allowed.Select(t => t.Name)));
        }
        // No extension at all contradicts nothing; the stored record carries the detected one.
        if (extension.Length > 0 && !type.Accepts(extension))
        {
            throw new AttachmentRejectedException(AttachmentError.TypeMismatch, extension, type.Name);
        }
        return type;
    }

    private async Task ScanAsync(string temporary, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);
        var verdict = await _scanner.ScanAsync(file, cancellationToken);
        if (!verdict.IsClean)
        {
            _logger.LogWarning("Virus scanner found {Threat} in an upload", verdict.Threat);
            throw new AttachmentRejectedException(AttachmentError.Infected);
        }
    }

    /// <summary>Gives the temporary file its final name; false when a file of that hash was already there.</summary>
    private bool Keep(string temporary, string sha256)
    {
        var target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!OperatingSystem.IsWindows())
        {
            // Read-only for owner and group: the process itself cannot rewrite a kept file by mistake.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        }
        try
        {
            // Without overwrite this is link()+unlink() on Unix: atomic, and it fails if the name exists.
            File.Move(temporary, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            // Same hash, same content: another upload (maybe at this very moment) already kept it.
            return false;
        }
    }
}
