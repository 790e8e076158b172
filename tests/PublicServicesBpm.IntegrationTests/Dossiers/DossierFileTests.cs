using System.Net;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.IntegrationTests.Attachments;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.Host.Features.Audit;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierTestData;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>Uploading and downloading dossier files (P6, P9): who may, when, what is kept, and what a refusal leaves behind.</summary>
public sealed class DossierFileTests(DossierFilesFixture fixture) : IClassFixture<DossierFilesFixture>
{
    [Fact]
    public async Task Upload_ApplicantDraft_StoresBytesMarksDigitisedAndDownloads()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(0, owner));
        var png = SampleFiles.Png();

        using var response = await UploadAsync(applicant, dossier.Id, BirthCertificate, png, "giấy chứng sinh.png");
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);

        Assert.Equal("image/png", body.GetProperty("contentType").GetString());
        Assert.Equal(0, body.GetProperty("round").GetInt32());
        var fileId = body.GetProperty("id").GetGuid();
        using var download = await applicant.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}/files/{fileId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("giấy chứng sinh.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        var component = await fixture.QueryAsync(db => db.DossierComponents.AsNoTracking().SingleAsync(c => c.DossierId == dossier.Id && c.ComponentCode == BirthCertificate));
        Assert.Equal("digitised", component.Digitisation);
        var uploaded = await fixture.QueryAsync(db => db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id && e.Kind == "file-uploaded").ToListAsync());
        Assert.Contains(fileId.ToString("D"), Assert.Single(uploaded).Data!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("giấy chứng sinh.png", "inline")]
    [InlineData("tờ khai.docx", "attachment")]
    public async Task Download_ViewInline_PreviewsPdfAndImagesOnlyOthersStayDownloads(string fileName, string expected)
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(0, owner));
        var bytes = fileName.EndsWith(".png", StringComparison.Ordinal) ? SampleFiles.Png() : SampleFiles.Docx();
        using var uploaded = await UploadAsync(applicant, dossier.Id, BirthCertificate, bytes, fileName);
        var fileId = (await ApiAssert.JsonAsync(uploaded, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var preview = await applicant.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}/files/{fileId}?view=inline", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(expected, preview.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, preview.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(bytes, await preview.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_WithReplaces_KeepsOldRowMarkedSuperseded()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(0, owner));
        var first = await UploadedAsync(applicant, dossier.Id, Form, SampleFiles.Pdf("first"), "to-khai.pdf");

        var second = await UploadedAsync(applicant, dossier.Id, Form, SampleFiles.Pdf("second"), "to-khai-sua.pdf", replaces: first);

        var files = await FilesAsync(fixture, dossier.Id);
        Assert.Equal([first, second], files.Select(f => f.Id));
        Assert.NotNull(files[0].SupersededAt);
        Assert.Null(files[1].SupersededAt);
        Assert.NotEqual(files[0].Sha256, files[1].Sha256);
        using var again = await UploadAsync(applicant, dossier.Id, Form, SampleFiles.Pdf("third"), "to-khai-3.pdf", replaces: first);
        await ApiAssert.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(2, (await FilesAsync(fixture, dossier.Id)).Count);
    }

    [Fact]
    public async Task Upload_TooLarge_Returns413AndKeepsNothing()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(0, owner));
        var large = SampleFiles.Pdf(new string('x', (int)DossierFilesFixture.MaxBytes + 10));

        using var response = await UploadAsync(applicant, dossier.Id, Form, large, "lon.pdf");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("attachment.too-large", problem.GetProperty("code").GetString());
        Assert.Empty(await FilesAsync(fixture, dossier.Id));
        Assert.Empty(Directory.Exists(Path.Combine(fixture.AttachmentsRoot, "tmp")) ? Directory.GetFiles(Path.Combine(fixture.AttachmentsRoot, "tmp")) : []);
    }

    [Fact]
    public async Task Upload_ExecutableNamedPdf_Returns415AndKeepsNothing()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(0, owner));
        byte[] executable = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

        using var response = await UploadAsync(applicant, dossier.Id, Form, executable, "to-khai.pdf");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("attachment.type-not-allowed", problem.GetProperty("code").GetString());
        Assert.Empty(await FilesAsync(fixture, dossier.Id));
        var component = await fixture.QueryAsync(db => db.DossierComponents.AsNoTracking().SingleAsync(c => c.DossierId == dossier.Id && c.ComponentCode == Form));
        Assert.Equal("not-digitised", component.Digitisation);
    }

    [Fact]
    public async Task Upload_NotMultipart_Returns415()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(0, owner));

        using var response = await applicant.PostAsync(new Uri($"/api/v1/dossiers/{dossier.Id}/components/{Form}/files", UriKind.Relative),
            new ByteArrayContent(SampleFiles.Pdf()));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Upload_UnknownComponent_Returns404()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(0, owner));

        using var response = await UploadAsync(applicant, dossier.Id, "khong-co", SampleFiles.Pdf(), "a.pdf");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_ApplicantWhileProcessing_Returns409()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(4, owner, NewCode()));

        using var response = await UploadAsync(applicant, dossier.Id, Form, SampleFiles.Pdf(), "a.pdf");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Empty(await FilesAsync(fixture, dossier.Id));
    }

    [Fact]
    public async Task Upload_ApplicantWhenSupplementRequested_FileBelongsToTheRound()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(5, owner, NewCode(), SupplementationCount: 2));

        await UploadedAsync(applicant, dossier.Id, BirthCertificate, SampleFiles.Jpeg(), "chung-sinh.jpg");

        Assert.Equal(2, Assert.Single(await FilesAsync(fixture, dossier.Id)).Round);
    }

    [Fact]
    public async Task Upload_OfficerRoles_OneStopOfTheAgencyOnlyAndOthersSeeNothing()
    {
        var dossier = await fixture.AddDossierAsync(new DossierSeed(0));
        using var specialist = await fixture.OfficerAsync(fixture.SpecialistId);
        using var otherWard = await fixture.OfficerAsync(fixture.OtherWardOfficerId);
        using var oneStop = await fixture.OfficerAsync(fixture.OneStopId);

        using (var response = await UploadAsync(specialist, dossier.Id, Form, SampleFiles.Pdf(), "a.pdf"))
        {
            await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        }
        using (var response = await UploadAsync(otherWard, dossier.Id, Form, SampleFiles.Pdf(), "a.pdf"))
        {
            await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        }
        Assert.Empty(await FilesAsync(fixture, dossier.Id));
        await UploadedAsync(oneStop, dossier.Id, Form, SampleFiles.Pdf("scan"), "scan.pdf");
        Assert.Single(await FilesAsync(fixture, dossier.Id));
    }

    [Fact]
    public async Task ResultFile_ApplicantDownloadsOnceReady_OfficerReadIsAudited()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(4, owner, NewCode()));
        using var specialist = await fixture.OfficerAsync(fixture.SpecialistId);
        var result = SampleFiles.Pdf("Trich luc khai sinh");
        using (var byApplicant = await UploadAsync(applicant, dossier.Id, "result", result, "ket-qua.pdf"))
        {
            await ApiAssert.ProblemAsync(byApplicant, HttpStatusCode.Forbidden);
        }
        var fileId = await UploadedAsync(specialist, dossier.Id, "result", result, "ket-qua.pdf");
        var path = new Uri($"/api/v1/dossiers/{dossier.Id}/files/{fileId}", UriKind.Relative);

        using (var early = await applicant.GetAsync(path))
        {
            await ApiAssert.ProblemAsync(early, HttpStatusCode.NotFound);
        }
        await fixture.WithDatabaseAsync(db => db.Dossiers.Where(d => d.Id == dossier.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, (short)9)));
        using (var ready = await applicant.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(result, await ready.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", ready.Content.Headers.ContentType?.MediaType);
        }
        var position = await fixture.QueryAsync(async db => await db.AuditLog.MaxAsync(e => (long?)e.Sequence) ?? 0);
        using (var byOfficer = await specialist.GetAsync(path))
        {
            Assert.Equal(result, await byOfficer.Content.ReadAsByteArrayAsync());
        }
        var entries = await fixture.QueryAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Sequence > position).ToListAsync());
        var read = Assert.Single(entries);
        Assert.Equal(AuditActions.PersonalDataRead, read.Action);
        Assert.Equal(dossier.Id, read.DossierId);
    }
}
