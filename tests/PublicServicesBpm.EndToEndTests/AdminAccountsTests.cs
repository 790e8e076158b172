using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.EndToEndTests;

public sealed class AdminAccountsTests(AdminBrowserFixture browser) : IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task Administrator_CreatesOfficerAndGrantsRole_InTheBrowser()
    {
        var page = await browser.SignedInAdministratorPageAsync("/admin/accounts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tài khoản cán bộ");

        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync("tran.thi.mai");
        await page.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync("Trần Thị Mai");
        await page.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync("mai.tt@example.gov.vn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();

        var password = page.GetByTestId("temporary-password");
        await Assertions.Expect(password).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\S{16}$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Mở tài khoản của Trần Thị Mai" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trần Thị Mai");

        await page.GetByLabel("Vai trò", new() { Exact = true }).SelectOptionAsync(OfficerRole.Specialist);
        await page.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync(AdminBrowserFixture.AgencyCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Phân vai trò" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã phân vai trò Chuyên viên");
        var row = page.GetByTestId("grants").GetByRole(AriaRole.Row).Filter(new() { HasText = "Chuyên viên" });
        await Assertions.Expect(row).ToContainTextAsync("Đang hiệu lực");
        var grants = await browser.QueryAsync(db => db.RoleGrants.Join(db.Users, g => g.AccountId, u => u.Id, (g, u) => new { g, u })
            .Where(x => x.u.UserName == "tran.thi.mai").Select(x => x.g.Role + "@" + x.g.AgencyCode).ToListAsync());
        Assert.Equal([$"{OfficerRole.Specialist}@{AdminBrowserFixture.AgencyCode}"], grants);
    }

    [Fact]
    public async Task Administrator_RevokesDisablesEnablesAndResetsPassword_InTheBrowser()
    {
        var officer = await browser.CreateOfficerAsync("le.van.tam", "Lê Văn Tâm", OfficerRole.Clerk);
        var page = await browser.SignedInAdministratorPageAsync($"/admin/accounts/{officer:D}");

        await page.GetByLabel("Vai trò cần thu hồi").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Lý do thu hồi").FillAsync("Chuyển công tác");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thu hồi vai trò.");
        await Assertions.Expect(page.GetByTestId("grants").GetByRole(AriaRole.Row).Filter(new() { HasText = "Văn thư" })).ToContainTextAsync("Chuyển công tác");

        await page.GetByRole(AriaRole.Button, new() { Name = "Khóa tài khoản", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-status")).ToContainTextAsync("Đã khóa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở khóa tài khoản", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-status")).ToHaveTextAsync("Đang hoạt động");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cấp lại mật khẩu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("temporary-password")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\S{16}$"));
        var stored = await browser.QueryAsync(db => db.Users.Where(u => u.Id == officer).Select(u => new { u.DisabledAt, u.MustChangePassword }).SingleAsync());
        Assert.Null(stored.DisabledAt);
        Assert.True(stored.MustChangePassword);
    }

    [Theory]
    [InlineData("/admin/accounts", "Tài khoản cán bộ")]
    [InlineData("/admin/accounts?culture=en", "Officer accounts")]
    public async Task AccountsPage_HasNoWcag21AaViolations(string path, string heading)
    {
        var page = await browser.SignedInAdministratorPageAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AccountsPage_WithErrorSummary_HasNoWcag21AaViolations()
    {
        var page = await browser.SignedInAdministratorPageAsync("/admin/accounts");

        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Hãy nhập tên đăng nhập.");
        await Assertions.Expect(page.GetByLabel("Tên đăng nhập", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AccountPage_HasNoWcag21AaViolations()
    {
        var page = await browser.SignedInAdministratorPageAsync($"/admin/accounts/{browser.AdministratorId:D}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Quản Trị Viên");

        await AssertAccessibleAsync(page);
    }

    private static async Task AssertAccessibleAsync(IPage page)
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

/// <summary>
/// Chromium against the real host with an agency, an administrator, and a test-only GET endpoint that signs an
/// officer in and redirects (the login page has its own tests).
/// </summary>
public sealed class AdminBrowserFixture : IAsyncLifetime
{
    public const string AgencyCode = "000.00.41.H29";
    private TestPostgres? _postgres;
    private string _connectionString = string.Empty;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TestHost Host { get; private set; } = null!;

    public Guid AdministratorId { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does.");
        }
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        // AddOfficerSignIn: the sign-out endpoint's service, until HostApplication registers it itself (idempotent).
        Host = await TestHost.StartAsync(_connectionString, configureServices: services => services.AddOfficerSignIn(), configureApp: MapTestSignIn);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Agencies.Add(new Agency { Code = AgencyCode, Name = "Sở Nội vụ", ProvinceCode = "H29", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
            var admin = new OfficerAccount { Id = Guid.CreateVersion7(), UserName = "quantri", Email = "quantri@example.gov.vn", FullName = "Quản Trị Viên", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(admin)).Succeeded);
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = admin.Id, Role = OfficerRole.Administrator, AgencyCode = AgencyCode, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            AdministratorId = admin.Id;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    /// <summary>A new browser context signed in as the administrator, showing <paramref name="path"/>.</summary>
    public async Task<IPage> SignedInAdministratorPageAsync(string path)
    {
        var context = (await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), Locale = "vi-VN" })).WithWaits();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync($"/test/sign-in/officer/{AdministratorId:D}?returnUrl={Uri.EscapeDataString(path)}");
        Assert.True(response?.Ok, $"Sign-in and {path} answered {response?.Status}");
        return page;
    }

    /// <summary>An officer with one role at the fixture's agency, valid since yesterday.</summary>
    public async Task<Guid> CreateOfficerAsync(string userName, string fullName, string role)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount { Id = Guid.CreateVersion7(), UserName = userName, Email = userName + "@example.gov.vn", FullName = fullName, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(account)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = AgencyCode, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return account.Id;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
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
    }

    private static void MapTestSignIn(WebApplication app) =>
        app.MapGet("/test/sign-in/officer/{accountId:guid}", async (Guid accountId, string? returnUrl, SignInManager<OfficerAccount> signIn) =>
            {
                var account = await signIn.UserManager.FindByIdAsync(accountId.ToString("D"));
                if (account is null)
                {
                    return Results.NotFound();
                }
                await signIn.SignInAsync(account, isPersistent: false);
                return Results.LocalRedirect(returnUrl ?? "/");
            })
            .AllowAnonymous();
}
