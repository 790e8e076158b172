using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>A citizen signs in at the portal through the development provider (stand-in for VNeID), in Chromium.</summary>
public sealed class CitizenSignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "mat-khau-trinh-duyet";

    [Fact]
    public async Task Portal_SignInAndConsent_ShowsProfileAndProviderPagesPassAxe()
    {
        var citizen = await CreateCitizenAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/portal");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đăng nhập");
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("giả lập");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Số định danh cá nhân").FillAsync(citizen.PersonalIdNumber);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cho phép chia sẻ thông tin");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đồng ý" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hồ sơ cá nhân");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Lý Thị Mai");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("••••••••" + citizen.PersonalIdNumber[^4..]);
        Assert.Equal("/portal", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Login_WrongPassword_ErrorSummaryPassesAxe()
    {
        var citizen = await CreateCitizenAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/portal");

        await page.GetByLabel("Số định danh cá nhân").FillAsync(citizen.PersonalIdNumber);
        await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau-roi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Số định danh cá nhân hoặc mật khẩu không đúng.");
        await AssertNoAxeViolationsAsync(page);
    }

    private async Task<CitizenAccount> CreateCitizenAsync()
    {
        await using var scope = browser.Host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CitizenAccounts>();
        var personalId = "001" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var (account, errors) = await accounts.CreateAsync(
            new NewCitizenAccount(personalId, "Lý Thị Mai", new DateOnly(1988, 8, 19), Genders.Female, "0977123456", "mai.ly@example.com",
                "Số 21 phố Hàng Gai, phường Hoàn Kiếm, thành phố Hà Nội", Password, 2),
            CancellationToken.None);
        Assert.Empty(errors);
        return account!;
    }

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
