using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>The auditor page in Chromium: entries, the integrity verdict (intact and tampered), and WCAG 2.1 AA.</summary>
public sealed class AuditPageTests(AuditPageTests.AuditorBrowserFixture fixture) : IClassFixture<AuditPageTests.AuditorBrowserFixture>
{
    [Fact]
    public async Task AuditPage_Auditor_ShowsEntriesAndAnIntactVerdict()
    {
        var page = await fixture.SignedInPageAsync("/audit");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhật ký kiểm toán");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Các mục nhật ký khớp bộ lọc, mới nhất trước" });
        await Assertions.Expect(table.Locator("tbody tr[data-sequence='1']")).ToContainTextAsync("Nguyễn Văn A");
        await Assertions.Expect(table.Locator("tbody tr[data-sequence='1']")).ToContainTextAsync("10/01/2026 09:00:00");
        await Assertions.Expect(page.Locator("svg[role='img']")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Biểu đồ cột"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra tính toàn vẹn" }).ClickAsync();

        var verdict = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(verdict).ToContainTextAsync("Nhật ký toàn vẹn");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-intact", "true");
    }

    [Fact]
    public async Task AuditPage_FilterByPerson_ShowsOnlyTheirEntries()
    {
        var page = await fixture.SignedInPageAsync("/audit");

        await page.GetByLabel("Người (mã tài khoản hoặc mã người nộp)").FillAsync(AuditorBrowserFixture.OfficerA);
        await page.GetByLabel("Đến ngày").FillAsync("31/01/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("tbody tr[data-sequence]")).ToHaveCountAsync(2);
        Assert.Contains("person=officer-a", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_TamperedEntry_ShowsTheProblemInTheVerdict()
    {
        await fixture.TamperAsync("UPDATE app.audit_log SET actor_id = 'innocent-bystander' WHERE sequence = 2");
        try
        {
            var page = await fixture.SignedInPageAsync("/audit");

            await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra tính toàn vẹn" }).ClickAsync();

            var verdict = page.GetByRole(AriaRole.Status);
            await Assertions.Expect(verdict).ToHaveAttributeAsync("data-intact", "false");
            await Assertions.Expect(verdict).ToContainTextAsync("Nhật ký đã bị can thiệp");
            await Assertions.Expect(verdict.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Mục số 2: cột “actor_id” khác với nội dung đã băm");
            await RunAxeAsync(page);
        }
        finally
        {
            await fixture.TamperAsync("UPDATE app.audit_log SET actor_id = 'officer-a' WHERE sequence = 2");
        }
    }

    [Theory]
    [InlineData("/audit")]
    [InlineData("/audit?culture=en")]
    public async Task AuditPage_WithVerdictAndChartData_HasNoWcag21AaViolations(string path)
    {
        var page = await fixture.SignedInPageAsync(path);
        await page.Locator("section[aria-labelledby='audit-integrity-heading'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await page.Locator("details.audit-chart-data summary").ClickAsync();

        await RunAxeAsync(page);
    }

    private static async Task RunAxeAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.NotEmpty(results.Passes);
        Assert.True(results.Violations.Length == 0,
            string.Join(Environment.NewLine, results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    /// <summary>
    /// Chromium and the real host on a fresh database with an auditor and a few entries. The auditor signs in through
    /// a test-only GET endpoint that sets the real cookie and redirects (the login page is tested on its own).
    /// </summary>
    public sealed class AuditorBrowserFixture : IAsyncLifetime
    {
        public const string OfficerA = "officer-a";
        private const string SignInPath = "/test/sign-in";
        private TestPostgres? _postgres;
        private string _connectionString = string.Empty;
        private IPlaywright? _playwright;
        private IBrowser? _browser;
        private Guid _auditorId;

        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            if (!File.Exists(BrowserFixture.ChromiumPath))
            {
                throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does.");
            }
            _postgres = await TestPostgres.InstanceAsync();
            _connectionString = await _postgres.CreateDatabaseAsync();
            Host = await TestHost.StartAsync(_connectionString, services => services.AddSingleton<IStartupFilter, TestSignIn>());
            await SeedAsync();
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFixture.ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
            });
        }

        /// <summary>A new browser context signed in as the auditor, at <paramref name="path"/>.</summary>
        public async Task<IPage> SignedInPageAsync(string path)
        {
            var context = (await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), Locale = "vi-VN" })).WithWaits();
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{SignInPath}?account={_auditorId}&returnUrl={Uri.EscapeDataString(path)}");
            return page;
        }

        /// <summary>Changes the log behind the append-only triggers' back, as a superuser could.</summary>
        public async Task TamperAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"ALTER TABLE app.audit_log DISABLE TRIGGER USER; {sql}; ALTER TABLE app.audit_log ENABLE TRIGGER USER", connection);
            await command.ExecuteNonQueryAsync();
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

        private async Task SeedAsync()
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Agencies.Add(new Agency { Code = "000.00.21.H29", Name = "Thanh tra tỉnh", ProvinceCode = "H29", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
            var auditor = new OfficerAccount { Id = Guid.CreateVersion7(), UserName = "auditor", Email = "auditor@example.gov.vn", FullName = "Kiểm toán viên", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(auditor)).Succeeded);
            db.RoleGrants.Add(new RoleGrant
            {
                Id = Guid.CreateVersion7(), AccountId = auditor.Id, Role = OfficerRole.Auditor, AgencyCode = "000.00.21.H29",
                ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            _auditorId = auditor.Id;
            var vietnam = TimeSpan.FromHours(7);
            (AuditRecord Record, DateTimeOffset At)[] entries =
            [
                (new(AuditActorKind.Officer, OfficerA, "Nguyễn Văn A", "personal-data.read", "applicant", "applicant-p1", Guid.CreateVersion7(), "192.0.2.1", "Firefox", AuditOutcome.Succeeded, """{"fields":["fullName"]}"""),
                    new(2026, 1, 10, 9, 0, 0, vietnam)),
                (new(AuditActorKind.Officer, OfficerA, "Nguyễn Văn A", "account.updated", "officer", "officer-b", null, "192.0.2.1", "Firefox", AuditOutcome.Succeeded, """{"changed":["email"]}"""),
                    new(2026, 1, 11, 9, 0, 0, vietnam)),
                (new(AuditActorKind.Partner, "lgsp-client", null, "client.token-issued", "client", "lgsp-client", null, "198.51.100.7", null, AuditOutcome.Denied, null),
                    DateTimeOffset.UtcNow.AddDays(-2)),
            ];
            foreach (var (record, at) in entries)
            {
                await AuditLogWriter.AppendAsync(db, record, at, CancellationToken.None);
            }
        }

        /// <summary>Test-only: <c>GET /test/sign-in?account={id}&amp;returnUrl=/local</c> sets the officer cookie and redirects.</summary>
        private sealed class TestSignIn : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                // A plain middleware rather than app.Map: Map would set PathBase, and the cookie would be scoped to it.
                app.Use(async (context, nextMiddleware) =>
                {
                    if (context.Request.Path != SignInPath)
                    {
                        await nextMiddleware(context);
                        return;
                    }
                    var signIn = context.RequestServices.GetRequiredService<SignInManager<OfficerAccount>>();
                    var account = await signIn.UserManager.FindByIdAsync(context.Request.Query["account"].ToString());
                    if (account is null)
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }
                    await signIn.SignInAsync(account, isPersistent: false);
                    var returnUrl = context.Request.Query["returnUrl"].ToString();
                    context.Response.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
                });
                next(app);
            };
        }
    }
}
