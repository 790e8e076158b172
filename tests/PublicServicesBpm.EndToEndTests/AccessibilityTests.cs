using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>WCAG 2.1 A and AA rules checked by axe-core in the real browser, in both languages.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?culture=en")]
    public async Task Page_HasNoWcag21AaViolations(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("[data-system-status][data-state]").WaitForAsync();

        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.NotEmpty(results.Passes); // axe really ran its rules on the page
        Assert.True(results.Violations.Length == 0,
            string.Join(Environment.NewLine, results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
