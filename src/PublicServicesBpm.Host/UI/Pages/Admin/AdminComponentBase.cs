using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PublicServicesBpm.Host.Features.Identity;

namespace PublicServicesBpm.Host.UI.Pages.Admin;

/// <summary>
/// What the administrator pages share: their texts (<see cref="AdminResource"/>), the request, and the wording of
/// roles, statuses, instants and the administration services' errors.
/// </summary>
public abstract class AdminComponentBase : ComponentBase
{
    /// <summary>Vietnam keeps UTC+7 all year (no daylight saving since 1975); instants are shown in that time.</summary>
    internal static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    [Inject]
    internal IStringLocalizer<AdminResource> L { get; set; } = default!;

    [CascadingParameter]
    internal HttpContext HttpContext { get; set; } = default!;

    internal string RoleLabel(string role) => Text("Role." + role, role);

    internal string AccountStatusLabel(string status) => Text("AccountStatus." + status, status);

    internal string GrantStatusLabel(string status) => Text("GrantStatus." + status, status);

    /// <summary>The translation of an error's code; the service's English message when the code has none.</summary>
    internal string ErrorText(AdminError error) => Text(error.Code, error.Message);

    internal static string Instant(DateTimeOffset? instant) =>
        instant is { } value ? value.ToOffset(VietnamOffset).ToString("g", CultureInfo.CurrentCulture) : string.Empty;

    private string Text(string key, string fallback)
    {
        var text = L[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
