using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.EndToEndTests;

public sealed class OfficerSignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "Mật-khẩu-2025-An toàn!";

    [Fact]
    public async Task LoginPage_Officer_SignsInAndSeesTheirNameInTheHeader()
    {
        await CreateOfficerAsync("kieu.van.tuan", "Kiều Văn Tuấn");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập cán bộ" }).ClickAsync();
        await page.GetByLabel("Tên đăng nhập hoặc thư điện tử").FillAsync("kieu.van.tuan");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=signed-in-officer]")).ToHaveTextAsync("Kiều Văn Tuấn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập cán bộ" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/account/login", false)]
    [InlineData("/account/login?culture=en", false)]
    [InlineData("/account/manage/two-factor", true)]
    [InlineData("/account/manage", true)]
    public async Task AccountPage_HasNoWcag21AaViolations(string path, bool signedIn)
    {
        var page = await browser.NewPageAsync();
        if (signedIn)
        {
            var userName = "axe." + Guid.NewGuid().ToString("N")[..8];
            await CreateOfficerAsync(userName, "Kiểm Thử Tiếp Cận");
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Tên đăng nhập hoặc thư điện tử").FillAsync(userName);
            await page.GetByLabel("Mật khẩu").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await page.Locator("[data-testid=signed-in-officer]").WaitForAsync();
        }

        await page.GotoAsync(path);
        await page.Locator("h1").WaitForAsync();
        Assert.Equal(path.Split('?')[0], new Uri(page.Url).AbsolutePath); // the page itself, not the sign-in page it could redirect to
        if (path.EndsWith("two-factor", StringComparison.Ordinal))
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Mã QR để thêm tài khoản vào ứng dụng xác thực" })).ToBeVisibleAsync();
        }
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.NotEmpty(results.Passes);
        Assert.True(results.Violations.Length == 0,
            string.Join(Environment.NewLine, results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    private async Task CreateOfficerAsync(string userName, string fullName)
    {
        await using var scope = browser.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var result = await users.CreateAsync(new OfficerAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            Email = userName + "@example.gov.vn",
            FullName = fullName,
            CreatedAt = DateTimeOffset.UtcNow,
        }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
