using System.Text;
using PublicServicesBpm.Host.Features.Attachments;

namespace PublicServicesBpm.IntegrationTests.Attachments;

/// <summary>
/// A signature scanner in miniature: refuses any content holding <see cref="TestSignature"/> (a marker of these
/// tests, not real malware, so no antivirus on a developer's machine quarantines the source).
/// </summary>
internal sealed class SignatureScanner : IAttachmentScanner
{
    public const string TestSignature = "PSB-TEST-MALWARE-SIGNATURE";

    private int _scanned;

    public int Scanned => _scanned;

    public async Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _scanned);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var found = copy.ToArray().AsSpan().IndexOf(Encoding.ASCII.GetBytes(TestSignature)) >= 0;
        return found ? ScanVerdict.Infected("PSB.Test.Signature") : ScanVerdict.Clean;
    }
}

/// <summary>A scanner whose daemon cannot be reached, as when clamd is down.</summary>
internal sealed class UnreachableScanner : IAttachmentScanner
{
    public Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken) =>
        throw new IOException("Connection refused (clamd at 127.0.0.1:3310).");
}

/// <summary>An upload that never ends: a PDF header followed by spaces forever. Counts what was read from it.</summary>
internal sealed class EndlessPdfStream : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var span = buffer.AsSpan(offset, count);
        span.Fill((byte)' ');
        var header = "%PDF-1.7\n"u8;
        for (var i = 0; i < count && BytesRead + i < header.Length; i++)
        {
            span[i] = header[(int)BytesRead + i];
        }
        BytesRead += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
