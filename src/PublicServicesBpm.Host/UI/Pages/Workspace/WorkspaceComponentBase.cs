using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PublicServicesBpm.Host.Features.Dossiers;

namespace PublicServicesBpm.Host.UI.Pages.Workspace;

/// <summary>
/// What the officer workspace pages share: their texts (<see cref="WorkspaceResource"/>), the request, the signed-in
/// officer as a dossier viewer, and the wording of instants, statuses and the dossier services' refusals.
/// </summary>
public abstract class WorkspaceComponentBase : ComponentBase
{
    /// <summary>Vietnam keeps UTC+7 all year; instants are shown in that time.</summary>
    internal static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    [Inject]
    internal IStringLocalizer<WorkspaceResource> L { get; set; } = default!;

    [Inject]
    internal TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    internal HttpContext HttpContext { get; set; } = default!;

    internal IServiceProvider Services => HttpContext.RequestServices;

    internal CancellationToken Aborted => HttpContext.RequestAborted;

    internal static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The signed-in officer as a dossier viewer; null for an account that must change its password first.</summary>
    internal async Task<DossierViewer.Officer?> OfficerAsync() =>
        await Services.GetRequiredService<DossierAccess>().CurrentAsync(Aborted) as DossierViewer.Officer;

    internal static string Instant(DateTimeOffset? instant) =>
        instant is { } value ? value.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    internal static string StatusLabel(StatusView status) => English ? status.NameEn : status.Name;

    internal static string StatusLabel(short status) => DossierStatuses.Name(status, English);

    /// <summary>The text of a key, or <paramref name="fallback"/> when the resources have none (e.g. an outcome a new workflow adds).</summary>
    internal string Text(string key, string fallback)
    {
        var text = L[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    internal string OutcomeLabel(string outcome) => Text("Outcome." + outcome, outcome);

    internal string ChannelLabel(string channel) => Text("Channel." + channel, channel);

    internal string Format(string key, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, L[key], arguments);
}
