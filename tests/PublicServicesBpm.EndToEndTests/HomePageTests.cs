using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

public sealed class HomePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task HomePage_InVietnamese_ShowsSystemReadyFromTheBundledScript()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };

        await page.GotoAsync("/");

        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hệ thống giải quyết thủ tục hành chính");
        // The status text is written by wwwroot/dist/app.js after it calls /health/ready: proves the asset build and CSP.
        var status = page.Locator("[data-system-status]");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(status).ToHaveTextAsync(new Regex("^Sẵn sàng"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task LanguageLink_English_SwitchesTheWholePageAndRemembersIt()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Administrative procedure handling system");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-system-status]")).ToHaveTextAsync(new Regex("^Ready"));
    }

    [Fact]
    public async Task HomePage_BrowserSetToEnglish_StillSpeaksVietnameseUntilAsked()
    {
        var page = await browser.NewPageAsync(locale: "en-US");

        await page.GotoAsync("/");

        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hệ thống giải quyết thủ tục hành chính");
    }

    [Fact]
    public async Task SkipLink_KeyboardUser_ReachesMainContentFirst()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("href", "#main");
    }
}
