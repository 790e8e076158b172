using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PublicServicesBpm.Host.Features.Dossiers;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.UI.Pages.Notifications;

/// <summary>
/// What the notification pages share: their texts (<see cref="NotificationPageResource"/>), the request, the signed-in
/// officer or citizen as a <see cref="NotificationReader"/> and the wording of instants and events.
/// </summary>
public abstract class NotificationComponentBase : ComponentBase
{
    /// <summary>Vietnam keeps UTC+7 all year; instants are shown in that time.</summary>
    internal static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    [Inject]
    internal IStringLocalizer<NotificationPageResource> L { get; set; } = default!;

    [Inject]
    internal TimeProvider Clock { get; set; } = default!;

    [Inject]
    internal NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    internal HttpContext HttpContext { get; set; } = default!;

    internal IServiceProvider Services => HttpContext.RequestServices;

    internal CancellationToken Aborted => HttpContext.RequestAborted;

    internal AppDbContext Db => Services.GetRequiredService<AppDbContext>();

    /// <summary>The signed-in officer or citizen; null for anyone else (an officer who must change their password first).</summary>
    internal Task<NotificationReader?> ReaderAsync() => NotificationReader.CurrentAsync(Services.GetRequiredService<DossierAccess>(), Aborted);

    internal static string Instant(DateTimeOffset instant) => instant.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An event's name in words (the code itself for an event these pages do not know yet).</summary>
    internal string EventName(string code) => L["Event." + code] is { ResourceNotFound: false } text ? text.Value : code;

    internal string Format(string key, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, L[key], arguments);
}
