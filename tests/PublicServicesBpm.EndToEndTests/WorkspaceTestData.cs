using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// Chromium against the real host as a province runs it: the demo catalogues (Lào Cai agencies), the repository's
/// forms, workflows and procedures deployed, a one-stop officer and a specialist at a ward, and a test-only GET
/// endpoint that signs an officer in and redirects. Dossiers are made through the dossier API as the one-stop officer
/// would (<see cref="ReceivedCivilStatusCopyAsync"/>). Screenshots go to <c>artifacts/screenshots/</c> under the test output.
/// </summary>
public sealed class WorkspaceBrowserFixture : IAsyncLifetime
{
    /// <summary>UBND phường Cam Đường (seeded).</summary>
    public const string Ward = "000.21.30.H38";

    private const string SignInPath = TestOfficers.SignInPath;
    private TestPostgres? _postgres;
    private string _connectionString = string.Empty;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly string _attachments = Path.Combine(Path.GetTempPath(), "psb-workspace-" + Guid.NewGuid().ToString("N"));

    public TestHost Host { get; private set; } = null!;

    public Guid OneStopId { get; private set; }

    public Guid SpecialistId { get; private set; }

    /// <summary>A second specialist of the ward (assignment and delegation).</summary>
    public Guid SecondSpecialistId { get; private set; }

    /// <summary>The ward's fee officer (payments).</summary>
    public Guid FeeOfficerId { get; private set; }

    /// <summary>A leader of the ward (signing, approving apologies, assigning).</summary>
    public Guid UnitLeaderId { get; private set; }

    /// <summary>A second leader of the ward, to whom signing steps are assigned.</summary>
    public Guid SecondUnitLeaderId { get; private set; }

    /// <summary>A department head of the ward.</summary>
    public Guid DepartmentHeadId { get; private set; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does.");
        }
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        var repository = RepositoryRoot();
        Host = await TestHost.StartAsync(_connectionString, configureServices: null, configureApp: TestOfficers.MapSignIn,
            "--Catalogues:SeedOnStart=true",
            $"--Definitions:WorkflowsDirectory={Path.Combine(repository, "workflows")}",
            $"--Definitions:FormsDirectory={Path.Combine(repository, "forms")}",
            $"--Slips:TemplatesDirectory={Path.Combine(repository, "slips")}",
            $"--Attachments:Root={_attachments}");
        await RepositoryDefinitions.DeployAsync(Host.Services, Host.Services.GetRequiredService<IConfiguration>(), CancellationToken.None);
        OneStopId = await CreateOfficerAsync("mot-cua-cam-duong", "Trần Văn Đức", OfficerRole.OneStopOfficer);
        SpecialistId = await CreateOfficerAsync("chuyen-vien-cam-duong", "Lê Thu Hương", OfficerRole.Specialist);
        SecondSpecialistId = await CreateOfficerAsync("chuyen-vien-2-cam-duong", "Phạm Quốc Bảo", OfficerRole.Specialist);
        FeeOfficerId = await CreateOfficerAsync("thu-phi-cam-duong", "Ngô Thị Mai", OfficerRole.FeeOfficer);
        UnitLeaderId = await CreateOfficerAsync("lanh-dao-cam-duong", "Vương Đình Sơn", OfficerRole.UnitLeader);
        SecondUnitLeaderId = await CreateOfficerAsync("pho-chu-tich-cam-duong", "Đinh Thị Ngọc", OfficerRole.UnitLeader);
        DepartmentHeadId = await CreateOfficerAsync("truong-phong-cam-duong", "Lý Văn Tâm", OfficerRole.DepartmentHead);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    /// <summary>A new browser context signed in as <paramref name="officerId"/>, showing <paramref name="path"/>.</summary>
    public async Task<IPage> SignedInPageAsync(Guid officerId, string path, int width = 1280)
    {
        var context = (await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(), Locale = "vi-VN", ViewportSize = new ViewportSize { Width = width, Height = 900 },
        })).WithWaits();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync($"{SignInPath}{officerId:D}?returnUrl={Uri.EscapeDataString(path)}");
        Assert.True(response?.Ok, $"Sign-in and {path} answered {response?.Status}");
        return page;
    }

    /// <summary>An HTTP client signed in as the officer (cookie), for the dossier API.</summary>
    public async Task<HttpClient> ClientAsync(Guid officerId)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        using var response = await client.GetAsync(new Uri($"{SignInPath}{officerId:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// A walk-in request for a copy of a civil-status extract, received at the counter by the one-stop officer: the
    /// dossier is processing (status 4) with its appraisal step open to the ward's specialists. Returns its id and code.
    /// </summary>
    public async Task<(Guid Id, string Code)> ReceivedCivilStatusCopyAsync(string applicantName)
    {
        using var client = await ClientAsync(OneStopId);
        var created = await PostAsync(client, "/api/v1/dossiers", new
        {
            procedureCode = "cap-ban-sao-trich-luc-ho-tich", agencyCode = Ward, channel = "counter", resultDelivery = "counter",
            applicant = new { kind = "citizen", fullName = applicantName, idNumber = "015090006789", address = "Tổ 3, phường Cam Đường, tỉnh Lào Cai", phone = "+84987654321" },
            formData = new
            {
                nguoiYeuCau = new { hoTen = applicantName, soDinhDanh = "015090006789", noiCuTru = "Tổ 3, phường Cam Đường, tỉnh Lào Cai", dienThoai = "+84987654321" },
                loaiTrichLuc = "khai-sinh",
                nguoiDuocCap = new { laBanThan = true },
                noiDangKy = "UBND phường Cam Đường",
                soBanSao = 2,
                hinhThucNhan = "truc-tiep",
            },
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await UploadPdfsAsync(client, id, "to-khai", "giay-to-tuy-than");
        var received = await PostAsync(client, $"/api/v1/dossiers/{id}/receive", new { }, HttpStatusCode.OK);
        return (id, received.GetProperty("code").GetString()!);
    }

    /// <summary>
    /// A walk-in household business registration received at the counter and appraised as valid by the specialist:
    /// its fee step is open to the ward's fee officers (status 4). Returns its id.
    /// </summary>
    public async Task<Guid> AppraisedHouseholdBusinessAsync(string ownerName)
    {
        using var client = await ClientAsync(OneStopId);
        var created = await PostAsync(client, "/api/v1/dossiers", new
        {
            procedureCode = "dang-ky-ho-kinh-doanh", agencyCode = Ward, channel = "counter", resultDelivery = "counter",
            applicant = new { kind = "citizen", fullName = ownerName, idNumber = "015085001234", address = "Số 12 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai", phone = "+84912345678" },
            formData = new
            {
                hoKinhDoanh = new { ten = "HỘ KINH DOANH TẠP HÓA MINH AN", diaChi = "Số 12 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai", dienThoai = "+84912345678", vonKinhDoanh = 150000000 },
                nganhNghe = new[] { new { maNganh = "4711", tenNganh = "Bán lẻ lương thực, thực phẩm trong cửa hàng tổng hợp" } },
                chuHo = new
                {
                    hoTen = ownerName, gioiTinh = "nam", ngaySinh = "1985-04-12", soDinhDanh = "015085001234",
                    noiCuTru = "Số 12 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai", dienThoai = "+84912345678",
                },
                camDoan = true,
            },
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await UploadPdfsAsync(client, id, "giay-de-nghi", "giay-to-tuy-than");
        await PostAsync(client, $"/api/v1/dossiers/{id}/receive", new { }, HttpStatusCode.OK);
        await CompleteStepAsync(SpecialistId, id, "appraise", "valid", new { ketLuan = "dat", yKien = "Hồ sơ đầy đủ, hợp lệ theo quy định." });
        return id;
    }

    /// <summary>Claims and completes the dossier's open step <paramref name="elementId"/> through the task API as <paramref name="officerId"/>.</summary>
    public async Task CompleteStepAsync(Guid officerId, Guid dossierId, string elementId, string outcome, object? variables)
    {
        var taskId = await OpenStepAsync(dossierId, elementId);
        using var client = await ClientAsync(officerId);
        using (var claim = await client.PostAsync(new Uri($"/api/v1/tasks/{taskId}/claim", UriKind.Relative), null))
        {
            Assert.True(claim.IsSuccessStatusCode, $"claim {elementId}: {(int)claim.StatusCode} {await claim.Content.ReadAsStringAsync()}");
        }
        using var complete = await client.PostAsJsonAsync(new Uri($"/api/v1/tasks/{taskId}/complete", UriKind.Relative), new { outcome, variables }, Json);
        Assert.True(complete.IsSuccessStatusCode, $"complete {elementId}: {(int)complete.StatusCode} {await complete.Content.ReadAsStringAsync()}");
    }

    /// <summary>The id of the dossier's open step <paramref name="elementId"/> (the user tasks the tests reach open in the same transaction).</summary>
    public async Task<string> OpenStepAsync(Guid dossierId, string elementId)
    {
        var taskId = await QueryAsync(async db =>
        {
            var instance = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.ProcessInstanceId).SingleAsync();
            return await db.UserTasks.Where(t => t.InstanceId == instance && t.Status == "open" && t.ElementId == elementId).Select(t => t.Id).SingleOrDefaultAsync();
        });
        Assert.True(taskId is not null, $"The step '{elementId}' of dossier {dossierId} is not open.");
        return taskId;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Saves a full-page screenshot as a test artifact: <c>artifacts/screenshots/{name}.png</c> under the test output.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>WCAG 2.1 A and AA rules checked by axe-core on the page as it is.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.NotEmpty(results.Passes);
        Assert.True(results.Violations.Length == 0,
            string.Join(Environment.NewLine, results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    /// <summary>The page is usable at phone width: nothing wider than the viewport.</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the viewport.");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(_connectionString);
        if (Directory.Exists(_attachments))
        {
            foreach (var file in Directory.EnumerateFiles(_attachments, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
            Directory.Delete(_attachments, recursive: true);
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Uploads a one-page PDF named after each component, as the officer behind <paramref name="client"/>.</summary>
    private static async Task UploadPdfsAsync(HttpClient client, Guid id, params string[] components)
    {
        foreach (var component in components)
        {
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Pdf(component));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "file", component + ".pdf");
            using var upload = await client.PostAsync(new Uri($"/api/v1/dossiers/{id}/components/{component}/files", UriKind.Relative), content);
            Assert.True(upload.IsSuccessStatusCode, $"upload {component}: {(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
        }
    }

    private Task<Guid> CreateOfficerAsync(string userName, string fullName, string role) => TestOfficers.CreateAsync(Host, userName, fullName, role, Ward);

    /// <summary>A one-page PDF the attachment store accepts (its type is read from the content).</summary>
    public static byte[] Pdf(string text)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R >>",
            $"<< /Length {text.Length + 20} >>\nstream\nBT /F1 12 Tf ({text}) Tj ET\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PublicServicesBpm.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("No PublicServicesBpm.sln above " + source);
    }
}
