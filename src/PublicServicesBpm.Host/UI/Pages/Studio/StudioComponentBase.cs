using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace PublicServicesBpm.Host.UI.Pages.Studio;

/// <summary>
/// What the designer studio's pages share: their texts (<see cref="StudioResource"/>), the request, instants in
/// Vietnam's time, and the texts handed to the studio's scripts.
/// </summary>
public abstract class StudioComponentBase : ComponentBase
{
    private static readonly JsonSerializerOptions s_texts = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Inject]
    internal IStringLocalizer<StudioResource> L { get; set; } = default!;

    [CascadingParameter]
    internal HttpContext HttpContext { get; set; } = default!;

    internal IServiceProvider Services => HttpContext.RequestServices;

    internal CancellationToken Aborted => HttpContext.RequestAborted;

    internal static string Instant(DateTimeOffset? instant) =>
        instant is { } value ? value.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    internal string Format(string key, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, L[key], arguments);

    /// <summary>Every text of <typeparamref name="TResource"/> in the page's language, as the JSON object a studio script reads from data-texts.</summary>
    internal string ScriptTexts<TResource>() =>
        JsonSerializer.Serialize(
            Services.GetRequiredService<IStringLocalizer<TResource>>().GetAllStrings(includeParentCultures: true)
                .GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Value),
            s_texts);

    /// <summary>The URL path segment of a key, escaped (keys are checked before they reach a page, but never trusted).</summary>
    internal static string Segment(string key) => Uri.EscapeDataString(key);
}
