using System.Globalization;
using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// The real host as a province runs it, for the citizen portal's tests: the demo catalogues seeded (Lào Cai agencies),
/// the repository's procedures imported and its forms and workflows deployed, files stored in a temporary folder;
/// Debian's Chromium drives it. Citizens are made on demand and sign in through the built-in identity provider.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    /// <summary>UBND phường Cam Đường, which handles household business registration.</summary>
    public const string Ward = "000.21.30.H38";

    public const string Password = "mat-khau-cong-dan";

    private readonly string _attachments = Path.Combine(Path.GetTempPath(), "psb-portal-files-" + Guid.NewGuid().ToString("N"));
    private TestPostgres? _postgres;
    private string _connectionString = string.Empty;
    private IPlaywright? _playwright;

    public TestHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        var repository = RepositoryRoot();
        Host = await TestHost.StartAsync(_connectionString, configureServices: null, configureApp: TestOfficers.MapSignIn,
            "--Catalogues:SeedOnStart=true",
            $"--Definitions:WorkflowsDirectory={Path.Combine(repository, "workflows")}",
            $"--Definitions:FormsDirectory={Path.Combine(repository, "forms")}",
            $"--Slips:TemplatesDirectory={Path.Combine(repository, "slips")}",
            $"--Attachments:Root={_attachments}");
        // What 'serve' does before it listens: the repository's forms and workflows deployed.
        await RepositoryDefinitions.DeployAsync(Host.Services, Host.Services.GetRequiredService<IConfiguration>(), CancellationToken.None);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = (await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(), Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        })).WithWaits();
        return await context.NewPageAsync();
    }

    /// <summary>A new browser context (as its own person) signed in as the officer <paramref name="officerId"/>, showing <paramref name="path"/>.</summary>
    public async Task<IPage> OfficerPageAsync(Guid officerId, string path)
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync($"{TestOfficers.SignInPath}{officerId:D}?returnUrl={Uri.EscapeDataString(path)}");
        Assert.True(response?.Ok, $"Sign-in and {path} answered {response?.Status}");
        return page;
    }

    /// <summary>A new citizen account at the identity provider; returns its personal id number.</summary>
    public async Task<string> CreateCitizenAsync(string fullName = "Lý Thị Mai")
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CitizenAccounts>();
        var personalId = "001" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        var (account, errors) = await accounts.CreateAsync(
            new NewCitizenAccount(personalId, fullName, new DateOnly(1988, 8, 19), Genders.Female, "0977123456", "mai.ly@example.com",
                "Số 21 phố Hàng Gai, phường Hoàn Kiếm, thành phố Hà Nội", Password, 2),
            CancellationToken.None);
        Assert.Empty(errors);
        return account!.PersonalIdNumber;
    }

    /// <summary>Signs in at the portal through the identity provider (with consent) and lands on <paramref name="returnPath"/>.</summary>
    public static async Task SignInAsync(IPage page, string personalId, string returnPath)
    {
        await page.GotoAsync(returnPath);
        await page.GetByLabel("Số định danh cá nhân").FillAsync(personalId);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đồng ý" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnPath);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
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

/// <summary>What every portal test does on every page: axe-core finds no WCAG 2.1 A/AA violation; screenshots at desktop and phone width.</summary>
internal static class PortalPages
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>Checks the page with axe-core and keeps full-page screenshots (1280 px and 375 px wide) named after <paramref name="name"/>.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await AssertNoAxeViolationsAsync(page);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"portal-{name}-desktop.png"), FullPage = true });
        var desktop = page.ViewportSize;
        await page.SetViewportSizeAsync(375, 812);
        // Nothing may be wider than the phone's screen (no sideways scrolling of the page).
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            // Name the widest elements that stick out, innermost first, so that a failure says what to fix.
            var culprits = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                        && ![...e.children].some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${(e.textContent || '').trim().slice(0, 40)}"`)
                """);
            Assert.Fail($"{name}: the page is {overflow} px wider than a 375 px screen: {string.Join("; ", culprits)}");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"portal-{name}-phone.png"), FullPage = true });
        await AssertNoAxeViolationsAsync(page);
        await page.SetViewportSizeAsync(desktop?.Width ?? 1280, desktop?.Height ?? 900);
    }

    /// <summary>
    /// Fills the household business registration e-form (form-js, <c>dang-ky-ho-kinh-doanh-de-nghi</c>) the way an
    /// applicant does; the owner's name and id number are prefilled from the identity and left as they are.
    /// </summary>
    public static async Task FillHouseholdBusinessFormAsync(IPage page)
    {
        await page.GetByLabel("Tên hộ kinh doanh (viết in hoa)").FillAsync("HỘ KINH DOANH TẠP HÓA MINH AN");
        await page.GetByLabel("Địa chỉ trụ sở").FillAsync("Số 12 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai");
        await page.GetByLabel("Điện thoại").First.FillAsync("+84912345678");
        await page.GetByLabel("Vốn kinh doanh (đồng)").FillAsync("150000000");
        await page.GetByLabel("Mã ngành (cấp 4)").FillAsync("4711");
        await page.GetByLabel("Tên ngành").FillAsync("Bán lẻ lương thực, thực phẩm");
        await page.GetByLabel("Điện thoại").Nth(1).FillAsync("+84977123456");
        var pledge = page.GetByLabel("Chủ hộ kinh doanh cam kết trung thực, chính xác của nội dung đăng ký.");
        await pledge.ClickAsync();
        await Assertions.Expect(pledge).ToBeCheckedAsync();
    }

    /// <summary>Uploads a PDF for each component on the draft page and waits until each is listed.</summary>
    public static async Task UploadComponentsAsync(IPage page, params (string Code, string Name)[] components)
    {
        foreach (var (code, name) in components)
        {
            await page.GetByLabel("Chọn tệp cho " + name).SetInputFilesAsync(Pdf(code + ".pdf"));
            await page.Locator($"form:has(#file-{code})").GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("files-" + code)).ToContainTextAsync(code + ".pdf");
        }
    }

    /// <summary>A one-page PDF that the attachment checks accept as a PDF, as a file to choose in the browser.</summary>
    public static FilePayload Pdf(string name) =>
        new() { Name = name, MimeType = "application/pdf", Buffer = WorkspaceBrowserFixture.Pdf("Giay to") };

    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.NotEmpty(results.Passes);
        Assert.True(results.Violations.Length == 0,
            string.Join(Environment.NewLine, results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
