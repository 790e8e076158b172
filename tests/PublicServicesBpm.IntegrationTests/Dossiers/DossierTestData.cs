using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.IntegrationTests.Slips;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>
/// A host on a fresh database for the dossier file, slip, lookup and timeline tests: a ward under a district, a
/// second ward, officers of each, a small upload limit and the repository's slip templates. Dossiers are written
/// straight into the tables (<see cref="AddDossierAsync"/>) in the state a test needs, so these tests do not depend
/// on the workflows; the workflow-driven path is DossierLifecycleTests's. One per test class.
/// </summary>
public sealed class DossierFilesFixture : IAsyncLifetime
{
    public const string District = "000.00.40.H29";
    public const string Ward = "000.00.41.H29";
    public const string OtherWard = "000.00.42.H29";
    public const string WardName = "Ủy ban nhân dân phường Điện Biên";
    public const long MaxBytes = 64 * 1024;
    public const string ApplicantName = "Nguyễn Thị Hồng Nhung";
    public const string ApplicantIdNumber = "001190012345";
    public const string ApplicantPhone = "0912 345 678";
    public const string OneStopName = "Trần Văn Đức";

    private TestPostgres? _postgres;

    public string ConnectionString { get; private set; } = string.Empty;

    public TestHost Host { get; private set; } = null!;

    public string AttachmentsRoot { get; } = Path.Combine(Path.GetTempPath(), "psb-fsl-" + Guid.NewGuid().ToString("N"));

    public Guid OneStopId { get; private set; }

    public Guid SpecialistId { get; private set; }

    public Guid LeaderId { get; private set; }

    public Guid OtherWardOfficerId { get; private set; }

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(ConnectionString, configureServices: null, configureApp: ApiTestSignIn.Map,
            $"--Attachments:Root={AttachmentsRoot}",
            $"--Attachments:MaxBytes={MaxBytes}",
            $"--Slips:PublicBaseUrl={SlipSamples.PublicBaseUrl}",
            $"--Slips:TemplatesDirectory={Path.Combine(SlipSamples.RepositoryRoot(), "slips")}");
        await WithDatabaseAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Agencies.AddRange(
                new Agency { Code = District, Name = "Ủy ban nhân dân quận Ba Đình", ProvinceCode = "H29", CreatedAt = now },
                new Agency { Code = Ward, Name = WardName, ParentCode = District, ProvinceCode = "H29", Address = "Số 1 phố Trần Phú", CreatedAt = now },
                new Agency { Code = OtherWard, Name = "Ủy ban nhân dân phường Kim Mã", ParentCode = District, ProvinceCode = "H29", CreatedAt = now });
            await db.SaveChangesAsync();
        });
        OneStopId = await CreateOfficerAsync("mot-cua", OneStopName, (OfficerRole.OneStopOfficer, Ward));
        SpecialistId = await CreateOfficerAsync("chuyen-vien", "Lê Thu Hương", (OfficerRole.Specialist, Ward));
        LeaderId = await CreateOfficerAsync("lanh-dao", "Phạm Quang Huy", (OfficerRole.UnitLeader, Ward));
        OtherWardOfficerId = await CreateOfficerAsync("mot-cua-kim-ma", "Đỗ Minh Tâm", (OfficerRole.OneStopOfficer, OtherWard));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(AttachmentsRoot))
        {
            foreach (var file in Directory.EnumerateFiles(AttachmentsRoot, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
            Directory.Delete(AttachmentsRoot, recursive: true);
        }
    }

    public async Task WithDatabaseAsync(Func<AppDbContext, Task> change)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<HttpClient> OfficerAsync(Guid accountId)
    {
        var client = CookieClient();
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.OfficerPath + accountId.ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    /// <summary>A new applicant and a client signed in as them; the subject is what dossiers record as their owner.</summary>
    public async Task<(string Subject, HttpClient Client)> ApplicantAsync(string fullName = ApplicantName)
    {
        var profile = new ApplicantProfile
        {
            Id = Guid.CreateVersion7(), Issuer = Host.BaseAddress.ToString(), Subject = Guid.NewGuid().ToString("N"), FullName = fullName,
            PersonalIdNumber = ApplicantIdNumber, AssuranceLevel = 2, FirstSignInAt = DateTimeOffset.UtcNow, LastSignInAt = DateTimeOffset.UtcNow,
        };
        await WithDatabaseAsync(async db =>
        {
            db.ApplicantProfiles.Add(profile);
            await db.SaveChangesAsync();
        });
        var client = CookieClient();
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.ApplicantPath + profile.Id.ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return (profile.Id.ToString("D"), client);
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

    /// <summary>Writes a dossier with its two components (and optionally history) in the state <paramref name="seed"/> describes.</summary>
    public async Task<DossierRecord> AddDossierAsync(DossierSeed seed)
    {
        var dossier = DossierTestData.Dossier(seed);
        await WithDatabaseAsync(async db =>
        {
            db.Dossiers.Add(dossier);
            db.DossierComponents.AddRange(DossierTestData.Components(dossier.Id));
            await db.SaveChangesAsync();
        });
        return dossier;
    }

    public Task AddEventAsync(Guid dossierId, DateTimeOffset at, string kind, object? data = null, short? status = null, string? actorName = null) =>
        WithDatabaseAsync(async db =>
        {
            db.DossierEvents.Add(new DossierEventRecord
            {
                DossierId = dossierId, At = at, Kind = kind, Status = status, ActorName = actorName, ActorSubject = actorName is null ? null : "officer",
                Data = data is null ? null : JsonSerializer.Serialize(data, ApiHostFixture.Json),
            });
            await db.SaveChangesAsync();
        });

    private async Task<Guid> CreateOfficerAsync(string userName, string fullName, params (string Role, string Agency)[] grants)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OfficerAccount>>();
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(), UserName = userName, Email = userName + "@example.gov.vn", FullName = fullName, PhoneNumber = "024 3843 1235",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (role, agency) in grants)
        {
            db.RoleGrants.Add(new RoleGrant
            {
                Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = agency,
                ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
        }
        await db.SaveChangesAsync();
        return account.Id;
    }

    private HttpClient CookieClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
}

/// <summary>The state a test wants its dossier in; a code means it has been received (with secret, times and appointment).</summary>
public sealed record DossierSeed(
    short Status, string? Owner = null, string? Code = null, string Agency = DossierFilesFixture.Ward, bool HasInstance = false,
    int SupplementationCount = 0, string? ReceivedBy = null, string? Reason = null, string ResultDelivery = "counter");

/// <summary>Rows and requests the dossier tests share.</summary>
internal static class DossierTestData
{
    public const string Form = "to-khai";
    public const string BirthCertificate = "giay-chung-sinh";
    public const string BirthCertificateName = "Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp";
    public const string Secret = "K7Q2M9XA";

    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 30, 9, 15, 0, Vietnam);

    public static readonly DateTimeOffset AppointmentAt = new(2026, 12, 3, 9, 15, 0, Vietnam);

    private static int s_number;

    public static string NewCode() =>
        $"{DossierFilesFixture.Ward}-261130-{Interlocked.Increment(ref s_number).ToString("0000", CultureInfo.InvariantCulture)}";

    public static DossierRecord Dossier(DossierSeed seed) => new()
    {
        Id = Guid.CreateVersion7(),
        ProcedureCode = "dang-ky-khai-sinh",
        ProcedureVersion = 1,
        CaseCode = "chung",
        ProcessKey = "dang-ky-khai-sinh",
        AgencyCode = seed.Agency,
        Channel = seed.Owner is null ? (short)1 : (short)2,
        OwnerSubject = seed.Owner,
        CreatedBy = seed.Owner ?? "officer",
        Applicant = JsonSerializer.Serialize(new
        {
            kind = "citizen", fullName = DossierFilesFixture.ApplicantName, idNumber = DossierFilesFixture.ApplicantIdNumber,
            address = "Số 5 ngõ 8 phố Liễu Giai, phường Ba Đình, Hà Nội", phone = DossierFilesFixture.ApplicantPhone, email = "nhung.nth@example.vn",
        }, ApiHostFixture.Json),
        FormData = "{}",
        ResultDelivery = seed.ResultDelivery,
        Status = seed.Status,
        Code = seed.Code,
        LookupSecret = seed.Code is null ? null : Secret,
        ProcessInstanceId = seed.HasInstance || seed.Code is not null ? Guid.CreateVersion7() : null,
        CreatedAt = ReceivedAt.AddHours(-1),
        SubmittedAt = seed.Status > 0 ? ReceivedAt.AddMinutes(-30) : null,
        ReceivedAt = seed.Code is null ? null : ReceivedAt,
        ReceivedBy = seed.ReceivedBy,
        AppointmentAt = seed.Code is null ? null : AppointmentAt,
        FirstAppointmentAt = seed.Code is null ? null : AppointmentAt,
        TimeLimit = """{"value":3,"unit":"working-days","sameDay":false,"restartAfterSupplement":false}""",
        SupplementationCount = seed.SupplementationCount,
        Reason = seed.Reason,
        UpdatedAt = ReceivedAt,
    };

    public static DossierComponentRecord[] Components(Guid dossierId) =>
    [
        new() { DossierId = dossierId, ComponentCode = Form, Name = "Tờ khai đăng ký khai sinh theo mẫu", Required = true, Originals = 1, Digitisation = "not-digitised" },
        new() { DossierId = dossierId, ComponentCode = BirthCertificate, Name = BirthCertificateName, Required = true, Originals = 1, Copies = 1, Digitisation = "not-digitised" },
    ];

    /// <summary>POSTs <paramref name="bytes"/> as the multipart field <c>file</c>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string component, byte[] bytes, string fileName, Guid? replaces = null)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        var query = replaces is { } old ? $"?replaces={old:D}" : string.Empty;
        return await client.PostAsync(new Uri($"/api/v1/dossiers/{id}/components/{component}/files{query}", UriKind.Relative), content);
    }

    /// <summary>Uploads and expects 201; returns the new file's id.</summary>
    public static async Task<Guid> UploadedAsync(HttpClient client, Guid id, string component, byte[] bytes, string fileName, Guid? replaces = null)
    {
        using var response = await UploadAsync(client, id, component, bytes, fileName, replaces);
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static Task<List<DossierFileRecord>> FilesAsync(DossierFilesFixture fixture, Guid dossierId) =>
        fixture.QueryAsync(db => db.DossierFiles.AsNoTracking().Where(f => f.DossierId == dossierId).OrderBy(f => f.UploadedAt).ToListAsync());

    public static Task AddUserTaskAsync(DossierFilesFixture fixture, Guid instanceId, string elementId, string name, string[] groups, string? assignee,
        DateTimeOffset createdAt, DateTimeOffset? endedAt, string? outcome) =>
        fixture.WithDatabaseAsync(async db =>
        {
            db.UserTasks.Add(new UserTaskRecord
            {
                Id = Guid.NewGuid().ToString("N"), InstanceId = instanceId, ElementId = elementId, Name = name, CandidateGroups = groups, Assignee = assignee,
                Outcomes = ["done"], CreatedAt = createdAt, Status = endedAt is null ? "open" : "completed", EndedAt = endedAt, Outcome = outcome,
            });
            await db.SaveChangesAsync();
        });
}
