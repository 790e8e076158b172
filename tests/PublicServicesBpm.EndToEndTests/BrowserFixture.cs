using Microsoft.Playwright;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: the machine's /usr/bin/chromium), against the
/// real host on a loopback port with a fresh database.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private TestPostgres? _postgres;
    private string _connectionString = string.Empty;
    private IPlaywright? _playwright;

    public TestHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does.");
        }
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(_connectionString);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "vi-VN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), Locale = locale });
        var page = await context.NewPageAsync();
        // A first visit compiles and warms the page on the host; on a loaded 2-core CI machine that exceeded Playwright's
        // 30 s default once. Waiting longer for a navigation does not hide a failure: the assertions still decide.
        page.SetDefaultNavigationTimeout(90_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(_connectionString);
    }
}
