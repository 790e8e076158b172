using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Host.Features.Attachments;

namespace PublicServicesBpm.IntegrationTests.Attachments;

/// <summary>The content-addressed file store of P6, on a temporary directory of the real file system.</summary>
public sealed class AttachmentStoreTests : IDisposable
{
    private const long Limit = 1024 * 1024;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "psb-attachments-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string, string, string, string> RecognisedFiles => new()
    {
        { "pdf", "don-de-nghi.pdf", "application/pdf", ".pdf" },
        { "png", "anh-the.PNG", "image/png", ".png" },
        { "jpeg", "cccd-mat-truoc.jpeg", "image/jpeg", ".jpg" },
        { "tiff", "ban-scan.tif", "image/tiff", ".tif" },
        { "docx", "to-khai.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx" },
        { "xlsx", "bang-ke.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx" },
        { "doc", "to-khai-cu.doc", "application/msword", ".doc" },
        { "xls", "bang-ke-cu.xls", "application/vnd.ms-excel", ".xls" },
        { "odt", "to-khai.odt", "application/vnd.oasis.opendocument.text", ".odt" },
        { "ods", "bang-ke.ods", "application/vnd.oasis.opendocument.spreadsheet", ".ods" },
        { "png", "khong-co-duoi", "image/png", ".png" },
    };

    [Theory]
    [MemberData(nameof(RecognisedFiles))]
    public async Task SaveAsync_RecognisedType_StoredByHashWithTheTypeOfItsContent(string sample, string fileName, string contentType, string extension)
    {
        var bytes = Sample(sample);

        var stored = await Store().SaveAsync(new MemoryStream(bytes), fileName, Limit, CancellationToken.None);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(new StoredAttachment(sha256, bytes.Length, contentType, extension), stored);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_root, sha256[..2], sha256[2..4], sha256)));
        Assert.Single(StoredFiles());
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("don-de-nghi.pdf")]
    public async Task SaveAsync_Executable_RefusedAsTypeNotAllowed(string fileName)
    {
        var refusal = await Refused(Store().SaveAsync(new MemoryStream(SampleFiles.Executable()), fileName, Limit, CancellationToken.None));

        Assert.Equal("attachment.type-not-allowed", refusal.Code);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_Html_RefusedAsTypeNotAllowed()
    {
        var refusal = await Refused(Store().SaveAsync(new MemoryStream(SampleFiles.Html()), "trang.html", Limit, CancellationToken.None));

        Assert.Equal(AttachmentError.TypeNotAllowed, refusal.Error);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_PlainZipAndDamagedCompoundFile_RefusedAsTypeNotAllowed()
    {
        var zip = SampleFiles.Zip(("readme.txt", "not a document"));
        var damaged = SampleFiles.CompoundFile("WordDocument")[..600];

        var zipRefusal = await Refused(Store().SaveAsync(new MemoryStream(zip), "ho-so.zip", Limit, CancellationToken.None));
        var damagedRefusal = await Refused(Store().SaveAsync(new MemoryStream(damaged), "to-khai.doc", Limit, CancellationToken.None));

        Assert.Equal(AttachmentError.TypeNotAllowed, zipRefusal.Error);
        Assert.Equal(AttachmentError.TypeNotAllowed, damagedRefusal.Error);
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("png", "anh-the.pdf", ".pdf", "PNG")]
    [InlineData("doc", "bang-ke.xls", ".xls", "DOC")]
    [InlineData("xlsx", "to-khai.docx", ".docx", "XLSX")]
    public async Task SaveAsync_ExtensionContradictsContent_RefusedAsTypeMismatch(string sample, string fileName, string extension, string typeName)
    {
        var refusal = await Refused(Store().SaveAsync(new MemoryStream(Sample(sample)), fileName, Limit, CancellationToken.None));

        Assert.Equal("attachment.type-mismatch", refusal.Code);
        Assert.Contains(extension, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(typeName, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_TypeOutsideTheCallersAllowList_Refused()
    {
        var refusal = await Refused(Store().SaveAsync(
            new MemoryStream(SampleFiles.Docx()), "to-khai.docx", Limit, AttachmentType.ScansAndPhotos, CancellationToken.None));

        Assert.Equal(AttachmentError.TypeNotAllowed, refusal.Error);
        Assert.Contains("PDF, JPEG, PNG, TIFF", refusal.Describe(Vietnamese), StringComparison.Ordinal);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_LargerThanTheLimit_StopsReadingOnePastItAndLeavesNothing()
    {
        var endless = new EndlessPdfStream();

        var refusal = await Refused(Store().SaveAsync(endless, "lon.pdf", maxBytes: 100_000, CancellationToken.None));

        Assert.Equal("attachment.too-large", refusal.Code);
        Assert.Equal(100_001, endless.BytesRead);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_LimitAboveTheConfiguredCeiling_TheCeilingApplies()
    {
        var store = Store(maxBytes: 1000);

        var refusal = await Refused(store.SaveAsync(new MemoryStream(SampleFiles.Pdf(new string('x', 2000))), "a.pdf", Limit, CancellationToken.None));

        Assert.Equal(AttachmentError.TooLarge, refusal.Error);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_ExactlyAtTheLimit_Stored()
    {
        var bytes = SampleFiles.Pdf();

        var stored = await Store().SaveAsync(new MemoryStream(bytes), "vua-du.pdf", maxBytes: bytes.Length, CancellationToken.None);

        Assert.Equal(bytes.Length, stored.Size);
    }

    [Fact]
    public async Task SaveAsync_Empty_RefusedAsEmpty()
    {
        var refusal = await Refused(Store().SaveAsync(new MemoryStream(), "rong.pdf", Limit, CancellationToken.None));

        Assert.Equal("attachment.empty", refusal.Code);
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("thu-muc\\don.pdf")]
    [InlineData("don\0.pdf")]
    [InlineData("..")]
    public async Task SaveAsync_UnusableFileName_RefusedAsInvalidName(string fileName)
    {
        var refusal = await Refused(Store().SaveAsync(new MemoryStream(SampleFiles.Pdf()), fileName, Limit, CancellationToken.None));

        Assert.Equal("attachment.invalid-name", refusal.Code);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_SameContentTwice_OneFileKeptUnchangedAndReadOnly()
    {
        var bytes = SampleFiles.Pdf();
        var store = Store();
        var first = await store.SaveAsync(new MemoryStream(bytes), "lan-1.pdf", Limit, CancellationToken.None);
        var path = StoredFiles().Single();
        var written = File.GetLastWriteTimeUtc(path);
        var inode = new FileInfo(path).CreationTimeUtc;

        var second = await store.SaveAsync(new MemoryStream(bytes), "lan-2.pdf", Limit, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(path, StoredFiles().Single());
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal(inode, new FileInfo(path).CreationTimeUtc);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task SaveAsync_SameContentConcurrently_AllSucceedWithOneFile()
    {
        var bytes = SampleFiles.Xlsx();
        var store = Store();

        var saves = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.SaveAsync(new MemoryStream(bytes), $"bang-ke-{i}.xlsx", Limit, CancellationToken.None))));

        Assert.Single(saves.Distinct());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(StoredFiles().Single()));
    }

    [Fact]
    public async Task SaveAsync_ScannerFindsAThreat_RefusedAsInfectedAndNothingKept()
    {
        var infected = SampleFiles.Pdf(SignatureScanner.TestSignature);
        var scanner = new SignatureScanner();
        var store = Store(scanner);

        var refusal = await Refused(store.SaveAsync(new MemoryStream(infected), "nhiem.pdf", Limit, CancellationToken.None));
        var clean = await store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "sach.pdf", Limit, CancellationToken.None);

        Assert.Equal("attachment.infected", refusal.Code);
        Assert.Equal(2, scanner.Scanned);
        Assert.Equal(clean.Sha256, Path.GetFileName(StoredFiles().Single()));
    }

    [Fact]
    public async Task SaveAsync_ScannerUnreachable_FailsClosedAndKeepsNothing()
    {
        var store = Store(new UnreachableScanner());

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "don.pdf", Limit, CancellationToken.None));

        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_Cancelled_LeavesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store().SaveAsync(new MemoryStream(SampleFiles.Pdf()), "don.pdf", Limit, cancellation.Token));

        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_ZipBombDeclaringAHugePart_RefusedAsUnsafeArchive()
    {
        var bomb = SampleFiles.DocxBomb(64 * 1024 * 1024);

        var refusal = await Refused(Store().SaveAsync(new MemoryStream(bomb), "bom.docx", Limit, CancellationToken.None));

        Assert.True(bomb.Length < Limit, "the bomb itself is small");
        Assert.Equal("attachment.unsafe-archive", refusal.Code);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_ArchiveWithTooManyEntries_RefusedAsUnsafeArchive()
    {
        var crowded = SampleFiles.DocxWithEntries(10_001);

        var refusal = await Refused(Store().SaveAsync(new MemoryStream(crowded), "nhieu.docx", 4 * Limit, CancellationToken.None));

        Assert.Equal(AttachmentError.UnsafeArchive, refusal.Error);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task OpenRead_StoredHash_ReturnsTheBytesReadOnly_AnyCase()
    {
        var bytes = SampleFiles.Png();
        var store = Store();
        var stored = await store.SaveAsync(new MemoryStream(bytes), "anh.png", Limit, CancellationToken.None);

        await using var stream = store.OpenRead(stored.Sha256.ToUpperInvariant());

        Assert.NotNull(stream);
        Assert.False(stream.CanWrite);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.True(store.Exists(stored.Sha256));
    }

    [Fact]
    public void OpenRead_UnknownHash_ReturnsNull()
    {
        Assert.Null(Store().OpenRead(new string('a', 64)));
        Assert.False(Store().Exists(new string('a', 64)));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("../../../../../../../../../../../../../../../../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")]
    public void OpenRead_NotA64DigitHash_RefusedAsInvalidName(string sha256)
    {
        var refusal = Assert.Throws<AttachmentRejectedException>(() => Store().OpenRead(sha256));

        Assert.Equal("attachment.invalid-name", refusal.Code);
    }

    private AttachmentStore Store(IAttachmentScanner? scanner = null, long maxBytes = 50L * 1024 * 1024) => new(
        Options.Create(new AttachmentOptions { Root = _root, MaxBytes = maxBytes }),
        scanner ?? new NoVirusScanner(),
        NullLogger<AttachmentStore>.Instance);

    /// <summary>Every file under the root except the (empty) temporary folder: stored files only.</summary>
    private List<string> StoredFiles() => Directory.Exists(_root)
        ? [.. Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)]
        : [];

    private static async Task<AttachmentRejectedException> Refused(Task save) =>
        await Assert.ThrowsAsync<AttachmentRejectedException>(() => save);

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "jpeg" => SampleFiles.Jpeg(),
        "tiff" => SampleFiles.Tiff(),
        "docx" => SampleFiles.Docx(),
        "xlsx" => SampleFiles.Xlsx(),
        "doc" => SampleFiles.CompoundFile("WordDocument"),
        "xls" => SampleFiles.CompoundFile("Workbook"),
        "odt" => SampleFiles.OpenDocument("application/vnd.oasis.opendocument.text"),
        "ods" => SampleFiles.OpenDocument("application/vnd.oasis.opendocument.spreadsheet"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
