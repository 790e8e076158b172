using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Host;
using PublicServicesBpm.Host.Features.Calendar;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.IntegrationTests.Attachments;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>
/// The real host on a fresh database as a province runs it: the demo catalogues seeded (Lào Cai agencies), the
/// repository's forms and workflows deployed and its procedures in force, a fake clock (so codes and appointments
/// are known in advance), officers in every one-stop role at the ward and the Department of Justice, and applicants
/// on demand. Clients sign in through the test-only endpoints over real HTTP; each call signs in afresh, so moving
/// the clock by days never finds an expired session. One per test class; tests move the clock only forward.
/// </summary>
public sealed class DossierApiFixture : IAsyncLifetime
{
    /// <summary>UBND phường Cam Đường: household business, birth, building permit, civil-status copies.</summary>
    public const string Ward = "000.21.30.H38";

    /// <summary>Sở Tư pháp tỉnh Lào Cai: judicial record certificates.</summary>
    public const string Justice = "000.00.11.H38";

    /// <summary>Another ward, whose officers must not see the others' dossiers.</summary>
    public const string OtherWard = "000.21.31.H38";

    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static readonly string[] Roles =
    [
        OfficerRole.OneStopOfficer, OfficerRole.Specialist, OfficerRole.DepartmentHead, OfficerRole.UnitLeader, OfficerRole.Clerk,
        OfficerRole.FeeOfficer, OfficerRole.ResultReturnOfficer,
    ];

    private readonly Dictionary<(string Role, string Agency), Guid> _officers = [];
    private TestPostgres? _postgres;
    private WebApplication? _app;

    // Instants from TimeProvider are UTC (Npgsql writes only offset 0), as TimeProvider.System gives them.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));

    public string ConnectionString { get; private set; } = string.Empty;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public Guid OperatorId { get; private set; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        var repository = RepositoryRoot();
        string[] arguments =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Testing",
            $"--ConnectionStrings:Default={ConnectionString}",
            "--Hangfire:QueuePollInterval=00:00:00.100",
            "--Serilog:MinimumLevel:Default=Warning",
            "--RateLimits:SignInPerMinute=10000",
            "--RateLimits:PasswordResetPerHour=10000",
            "--RateLimits:PublicLookupPerMinute=10000",
            // The demo catalogues (Lào Cai agencies and their office hours) and the repository's procedures.
            "--Catalogues:SeedOnStart=true",
            $"--Definitions:WorkflowsDirectory={Path.Combine(repository, "workflows")}",
            $"--Definitions:FormsDirectory={Path.Combine(repository, "forms")}",
            $"--Slips:TemplatesDirectory={Path.Combine(repository, "slips")}",
            $"--Attachments:Root={Path.Combine(Path.GetTempPath(), "psb-dossier-files-" + Guid.NewGuid().ToString("N"))}",
        ];
        // TestHost cannot swap the clock (HostApplication registers TimeProvider.System after the test's services),
        // so the fixture builds the same host itself and replaces the clock when the container is made.
        var builder = HostApplication.CreateBuilder(arguments);
        builder.Host.UseServiceProviderFactory(new FakeClockServiceProviderFactory(Clock));
        _app = HostApplication.Build(builder, DatabaseServer.External(ConnectionString));
        ApiTestSignIn.Map(_app);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        Assert.Same(Clock, _app.Services.GetRequiredService<TimeProvider>());
        // What 'serve' does before it listens: the repository's forms and workflows deployed.
        await RepositoryDefinitions.DeployAsync(_app.Services, _app.Services.GetRequiredService<IConfiguration>(), CancellationToken.None);
        foreach (var agency in new[] { Ward, Justice })
        {
            foreach (var role in Roles)
            {
                _officers[(role, agency)] = await CreateOfficerAsync($"{role}-{agency}", $"Cán bộ {role} {agency}", (role, agency));
            }
        }
        _officers[(OfficerRole.OneStopOfficer, OtherWard)] = await CreateOfficerAsync($"one-stop-{OtherWard}", "Cán bộ phường Lào Cai", (OfficerRole.OneStopOfficer, OtherWard));
        _officers[(OfficerRole.Specialist, OtherWard)] = await CreateOfficerAsync($"specialist-{OtherWard}", "Chuyên viên phường Lào Cai", (OfficerRole.Specialist, OtherWard));
        // External answers (police, court) arrive through the operators' message endpoint.
        OperatorId = await CreateOfficerAsync("operator", "Quản trị hệ thống", (OfficerRole.Administrator, Ward));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await _postgres!.DropDatabaseAsync(ConnectionString);
    }

    public Guid OfficerId(string role, string agency = Ward) => _officers[(role, agency)];

    /// <summary>A client signed in now as the officer holding <paramref name="role"/> at <paramref name="agency"/>.</summary>
    public Task<HttpClient> OfficerAsync(string role, string agency = Ward) => SignInOfficerAsync(_officers[(role, agency)]);

    public async Task<HttpClient> SignInOfficerAsync(Guid accountId)
    {
        var client = CookieClient();
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.OfficerPath + accountId.ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    /// <summary>A new citizen with a profile (as after their first VNeID sign-in).</summary>
    public async Task<Guid> CreateApplicantAsync(string fullName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = new ApplicantProfile
        {
            Id = Guid.CreateVersion7(), Issuer = BaseAddress.ToString(), Subject = Guid.NewGuid().ToString("N"), FullName = fullName,
            PersonalIdNumber = "015190012345", Address = "Số 5 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai", PhoneNumber = "+84912345678",
            Email = "cong.dan@example.vn", AssuranceLevel = 2, FirstSignInAt = Clock.GetUtcNow(), LastSignInAt = Clock.GetUtcNow(),
        };
        db.ApplicantProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    /// <summary>A client signed in now as the applicant (citizen cookie).</summary>
    public async Task<HttpClient> ApplicantAsync(Guid applicantId)
    {
        var client = CookieClient();
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.ApplicantPath + applicantId.ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    // ------------------------------------------------------------------ the clock

    /// <summary>
    /// Moves the clock to 08:00 on the next Monday that starts four weeks without days off at
    /// <paramref name="agency"/>, so a test's working-day arithmetic reads like the calendar on the wall.
    /// </summary>
    public async Task<DateTimeOffset> NextPlainMondayAsync(string agency = Ward)
    {
        var calendar = await Services.GetRequiredService<AdministeredCalendars>().CurrentAsync(agency, CancellationToken.None);
        var day = DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(Vietnam).DateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday || !Enumerable.Range(0, 28).All(i => calendar.IsWorkingDay(day.AddDays(i)) == (day.AddDays(i).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))))
        {
            day = day.AddDays(1);
        }
        var monday = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Vietnam);
        Clock.SetUtcNow(monday.ToUniversalTime());
        return monday;
    }

    /// <summary>Sets the clock to <paramref name="at"/> (never backwards).</summary>
    public void At(DateTimeOffset at) => Clock.SetUtcNow(at.ToUniversalTime());

    /// <summary>Vietnam time on the day <paramref name="days"/> after <paramref name="monday"/>, e.g. Day(monday, 3, 8, 0) is Thursday 08:00.</summary>
    public static DateTimeOffset Day(DateTimeOffset monday, int days, int hour, int minute = 0) =>
        new(DateOnly.FromDateTime(monday.DateTime).AddDays(days).ToDateTime(new TimeOnly(hour, minute)), Vietnam);

    // ------------------------------------------------------------------ HTTP

    /// <summary>POSTs JSON (optionally with an Idempotency-Key) and returns the response.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body ?? new { }, options: Json),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request);
    }

    /// <summary>POSTs JSON and expects <paramref name="expected"/> with a JSON body (the dossier, for dossier commands).</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK, string? idempotencyKey = null)
    {
        using var response = await SendAsync(client, path, body, idempotencyKey);
        return await ApiAssert.JsonAsync(response, expected);
    }

    public static async Task<JsonElement> GetDossierAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/dossiers/{id}", UriKind.Relative));
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Creates a draft and returns its id.</summary>
    public static async Task<Guid> CreateDraftAsync(HttpClient client, object body)
    {
        var dossier = await PostAsync(client, "/api/v1/dossiers", body, HttpStatusCode.Created);
        return dossier.GetProperty("id").GetGuid();
    }

    /// <summary>Uploads a small PDF to the component (multipart field <c>file</c>) and returns the stored file's id.</summary>
    public static async Task<Guid> UploadAsync(HttpClient client, Guid id, string component, string fileName = "giay-to.pdf")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(SampleFiles.Pdf(component));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        using var response = await client.PostAsync(new Uri($"/api/v1/dossiers/{id}/components/{component}/files", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Upload to {component}: {(int)response.StatusCode} {text}");
        var dossier = await GetDossierAsync(client, id);
        var files = dossier.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("code").GetString() == component).GetProperty("files");
        return files.EnumerateArray().Last(f => !f.GetProperty("superseded").GetBoolean()).GetProperty("id").GetGuid();
    }

    /// <summary>Claims and completes a task through the task API with its form data.</summary>
    public static async Task<JsonElement> CompleteTaskAsync(HttpClient officer, string taskId, string outcome, object? variables = null)
    {
        using (var claim = await officer.PostAsync(new Uri($"/api/v1/tasks/{taskId}/claim", UriKind.Relative), content: null))
        {
            Assert.True(claim.StatusCode == HttpStatusCode.NoContent, $"claim {taskId}: {(int)claim.StatusCode} {await claim.Content.ReadAsStringAsync()}");
        }
        return await PostAsync(officer, $"/api/v1/tasks/{taskId}/complete", new { outcome, variables });
    }

    /// <summary>Completes the dossier's open step <paramref name="elementId"/> as an officer of its first candidate group.</summary>
    public async Task CompleteStepAsync(Guid dossierId, string elementId, string outcome, object? variables = null, string agency = Ward)
    {
        using var reader = await OfficerAsync(OfficerRole.OneStopOfficer, agency);
        var task = OpenTask(await GetDossierAsync(reader, dossierId), elementId);
        var group = task.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()!.Split('@')[0]).First(Roles.Contains);
        using var officer = await OfficerAsync(group, agency);
        await CompleteTaskAsync(officer, task.GetProperty("id").GetString()!, outcome, variables);
    }

    /// <summary>The dossier's open step with this element id (fails listing the open ones when absent).</summary>
    public static JsonElement OpenTask(JsonElement dossier, string elementId)
    {
        var open = dossier.GetProperty("openTasks").EnumerateArray().ToList();
        var task = open.FirstOrDefault(t => t.GetProperty("elementId").GetString() == elementId);
        Assert.True(task.ValueKind == JsonValueKind.Object,
            $"No open step '{elementId}'; open: [{string.Join(", ", open.Select(t => t.GetProperty("elementId").GetString()))}], status {Status(dossier)}");
        return task;
    }

    public static short Status(JsonElement dossier) => dossier.GetProperty("status").GetProperty("code").GetInt16();

    /// <summary>The status codes in the dossier's history, in order.</summary>
    public static short[] StatusHistory(JsonElement dossier) =>
        [.. Events(dossier, "status").Select(e => e.GetProperty("status").GetInt16())];

    /// <summary>The appointment changes in the history: (new appointment, reason).</summary>
    public static (DateTimeOffset Appointment, string Reason)[] AppointmentHistory(JsonElement dossier) =>
        [.. Events(dossier, "appointment").Select(e => (e.GetProperty("data").GetProperty("appointment").GetDateTimeOffset(), e.GetProperty("data").GetProperty("reason").GetString()!))];

    public static IEnumerable<JsonElement> Events(JsonElement dossier, string kind) =>
        dossier.GetProperty("history").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind);

    public static DateTimeOffset Appointment(JsonElement dossier) => dossier.GetProperty("appointmentAt").GetDateTimeOffset();

    /// <summary>The text of slip <paramref name="form"/> (01–05) of the dossier, whitespace made single spaces.</summary>
    public static async Task<string> SlipTextAsync(HttpClient client, Guid id, string form)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/dossiers/{id}/slips/{form}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"slip {form}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return Slips.PdfText.Flat(string.Join(' ', Slips.PdfText.Pages(bytes)));
    }

    /// <summary>"14 giờ 05 phút, ngày 27/10/2023": how slips print an instant.</summary>
    public static string SlipTime(DateTimeOffset at) =>
        at.ToOffset(Vietnam).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Waits for the host's background workers (after-commit service tasks) to reach a visible outcome.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    private async Task<Guid> CreateOfficerAsync(string userName, string fullName, params (string Role, string Agency)[] grants)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(), UserName = userName, Email = userName.Replace('.', '-') + "@laocai.gov.vn", FullName = fullName, CreatedAt = Clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (role, agency) in grants)
        {
            var from = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = agency, ValidFrom = from, GrantedAt = from });
        }
        await db.SaveChangesAsync();
        return account.Id;
    }

    private HttpClient CookieClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PublicServicesBpm.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("No PublicServicesBpm.sln above " + source);
    }

    /// <summary>Builds the container with the fixture's clock in place of <see cref="TimeProvider.System"/>.</summary>
    private sealed class FakeClockServiceProviderFactory(FakeTimeProvider clock) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
    }
}

/// <summary>Form data and applicants that pass the procedures' forms (forms/*.form.json), as the portal would send them.</summary>
internal static class DossierSamples
{
    public static object WalkIn(string fullName) => new
    {
        kind = "citizen", fullName, idNumber = "015090006789", address = "Tổ 3, phường Cam Đường, tỉnh Lào Cai", phone = "+84987654321",
    };

    /// <summary>Đăng ký hộ kinh doanh: form <c>dang-ky-ho-kinh-doanh-de-nghi</c>.</summary>
    public static object HouseholdBusiness() => new
    {
        hoKinhDoanh = new { ten = "HỘ KINH DOANH TẠP HÓA MINH AN", diaChi = "Số 12 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai", dienThoai = "+84912345678", vonKinhDoanh = 150000000 },
        nganhNghe = new[] { new { maNganh = "4711", tenNganh = "Bán lẻ lương thực, thực phẩm trong cửa hàng tổng hợp" } },
        chuHo = new
        {
            hoTen = "Nguyễn Minh An", gioiTinh = "nam", ngaySinh = "1985-04-12", soDinhDanh = "015085001234",
            noiCuTru = "Số 12 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai", dienThoai = "+84912345678",
        },
        camDoan = true,
    };

    /// <summary>Cấp giấy phép xây dựng nhà ở: form <c>don-de-nghi-cap-giay-phep-xay-dung</c> with the uploaded land paper and drawings.</summary>
    public static object BuildingPermit(Guid landPaper, Guid drawings) => new
    {
        chuDauTu = new { hoTen = "Lê Văn Cường", soDinhDanh = "015080004321", diaChi = "Tổ 7, phường Cam Đường, tỉnh Lào Cai", dienThoai = "+84915111222" },
        diaDiem = new { loDat = "Lô 12", thuaDat = "125/18", dienTichLoDat = 120, diaChi = "Đường Lê Thanh, phường Cam Đường, tỉnh Lào Cai" },
        quyMo = new { capCongTrinh = "cap-iv", dienTichXayDung = 90, tongDienTichSan = 270, chieuCao = 12, soTang = 3 },
        thietKe = new { tuThietKe = true },
        duKienHoanThanh = "2027-12-31",
        giayToDat = landPaper.ToString("D"),
        banVe = drawings.ToString("D"),
        camKet = true,
    };

    /// <summary>Cấp Phiếu lý lịch tư pháp: form <c>to-khai-ly-lich-tu-phap</c>.</summary>
    public static object JudicialRecord() => new
    {
        loaiPhieu = "so-1",
        mucDich = "Bổ sung hồ sơ xin việc",
        nguoiDuocCap = new
        {
            hoTen = "Hoàng Văn Em", gioiTinh = "nam", ngaySinh = "1995-02-20", noiSinh = "Lào Cai", quocTich = "Việt Nam",
            soDinhDanh = "015095002468", noiCuTru = "Phường Lào Cai, tỉnh Lào Cai",
        },
        quaTrinhCuTru = new[] { new { tuNgay = "1995-02-20", noiCuTru = "Phường Lào Cai, tỉnh Lào Cai" } },
        soLuongPhieu = 1,
        hinhThucNhan = "truc-tiep",
    };

    /// <summary>Đăng ký khai sinh: form <c>to-khai-dang-ky-khai-sinh</c> with the uploaded birth certificate.</summary>
    public static object Birth(Guid birthCertificate) => new
    {
        nguoiYeuCau = new { hoTen = "Đỗ Thị Hoa", soDinhDanh = "015092003579", noiCuTru = "Tổ 5, phường Cam Đường, tỉnh Lào Cai", dienThoai = "+84916222333" },
        quanHeVoiTre = "me",
        tre = new { hoTen = "Nguyễn Đỗ Minh Khang", gioiTinh = "nam", ngaySinh = "2026-10-20", noiSinh = "Bệnh viện Đa khoa tỉnh Lào Cai", danToc = "Kinh", quocTich = "Việt Nam", queQuan = "Lào Cai" },
        me = new { hoTen = "Đỗ Thị Hoa", soDinhDanh = "015092003579", noiCuTru = "Tổ 5, phường Cam Đường, tỉnh Lào Cai" },
        coThongTinCha = false,
        giayChungSinh = birthCertificate.ToString("D"),
        hinhThucNhan = "truc-tiep",
        camDoan = true,
    };

    /// <summary>Cấp bản sao trích lục hộ tịch: form <c>to-khai-cap-ban-sao-trich-luc-ho-tich</c>.</summary>
    public static object CivilStatusCopy() => new
    {
        nguoiYeuCau = new { hoTen = "Bùi Văn Khánh", soDinhDanh = "015090006789", noiCuTru = "Tổ 3, phường Cam Đường, tỉnh Lào Cai", dienThoai = "+84987654321" },
        loaiTrichLuc = "khai-sinh",
        nguoiDuocCap = new { laBanThan = true },
        noiDangKy = "UBND phường Cam Đường",
        soBanSao = 2,
        hinhThucNhan = "truc-tiep",
    };

    /// <summary>The supplementation notice (form 02 data, form <c>yeu-cau-bo-sung-ho-so</c>).</summary>
    public static object SupplementNotice() => new
    {
        thanhPhanBoSung = new[] { new { tenThanhPhan = "Bản sao giấy tờ pháp lý của chủ hộ", yeuCau = "thay-the", lyDo = "Bản sao không đọc được số định danh cá nhân." } },
        canBoHuongDan = "Nguyễn Văn Hướng",
        dienThoaiHuongDan = "+842143821111",
    };
}
