// The namespace is the assembly's root (not the folder's) so that the localizer finds Resources/NotificationPageResource.resx.
#pragma warning disable IDE0130 // Namespace does not match folder structure: required by the resource lookup (see above).
namespace PublicServicesBpm.Host;
#pragma warning restore IDE0130

/// <summary>
/// Marker for the texts of the notification pages (UI/Pages/Notifications) and the header's notification link:
/// Resources/NotificationPageResource.resx (Vietnamese, the default) and Resources/NotificationPageResource.en.resx
/// (English). It lives beside the pages, not in Resources/, for the reason given on <see cref="AdminResource"/>.
/// (The notifications' own texts — subjects and bodies — are in NotificationResource.)
/// </summary>
internal sealed class NotificationPageResource;
