using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// Waits suited to a loaded two-core CI machine, where the whole suite (many hosts, PostgreSQL, Chromium) shares the
/// cores: a web-first assertion retries for up to 30 s (Playwright's 5 s default failed after uploads that reload the
/// page), and a navigation may take 90 s. A passing assertion returns as soon as it holds, so this costs nothing there.
/// </summary>
internal static class PlaywrightDefaults
{
    public const float NavigationTimeout = 90_000;

    [ModuleInitializer]
    internal static void Apply() => Assertions.SetDefaultExpectTimeout(30_000);

    /// <summary>A new context's default navigation wait.</summary>
    public static IBrowserContext WithWaits(this IBrowserContext context)
    {
        context.SetDefaultNavigationTimeout(NavigationTimeout);
        return context;
    }

    /// <summary>
    /// Clicks a submit button and waits until the page has moved on to <paramref name="url"/>, so that a failure says
    /// "the form was not sent" rather than "the list lacks the file". If the page has not moved on within 15 s it
    /// clicks once more, as a person would. (Written while hunting uploaded result files that did not show; the cause
    /// was a fixed cascading value on the page, not a lost click — see the workspace pages' CascadingValue use.)
    /// </summary>
    public static async Task ClickToNavigateAsync(this ILocator button, IPage page, Regex url)
    {
        await button.ClickAsync();
        try
        {
            await page.WaitForURLAsync(url, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            await button.ClickAsync();
            await page.WaitForURLAsync(url);
        }
    }
}
