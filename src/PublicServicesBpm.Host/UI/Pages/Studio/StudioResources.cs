// The namespace is the assembly's root (not the folder's) so that the localizer finds Resources/Studio*.resx.
#pragma warning disable IDE0130 // Namespace does not match folder structure: required by the resource lookup (see above).
namespace PublicServicesBpm.Host;
#pragma warning restore IDE0130

/// <summary>
/// Marker for the texts of the designer studio's pages (UI/Pages/Studio): Resources/StudioResource.resx (Vietnamese,
/// the default) and Resources/StudioResource.en.resx (English). It lives beside the pages for the reason given on
/// <see cref="AdminResource"/>.
/// </summary>
internal sealed class StudioResource;

/// <summary>
/// Marker for the texts of the workflow designer's script (ClientApp/src/designer): the pages hand all of them to the
/// script as one JSON object (data-texts), so the script itself holds no text.
/// </summary>
internal sealed class StudioScriptResource;

/// <summary>Marker for the texts of the form designer's script (ClientApp/src/form-designer), handed over like <see cref="StudioScriptResource"/>.</summary>
internal sealed class StudioFormScriptResource;
