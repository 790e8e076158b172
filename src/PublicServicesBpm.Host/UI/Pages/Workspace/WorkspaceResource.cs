// The namespace is the assembly's root (not the folder's) so that the localizer finds Resources/WorkspaceResource.resx.
#pragma warning disable IDE0130 // Namespace does not match folder structure: required by the resource lookup (see above).
namespace PublicServicesBpm.Host;
#pragma warning restore IDE0130

/// <summary>
/// Marker for the texts of the officer workspace (UI/Pages/Workspace): Resources/WorkspaceResource.resx (Vietnamese,
/// the default) and Resources/WorkspaceResource.en.resx (English). It lives beside the pages, not in Resources/, for the
/// reason given on <see cref="AdminResource"/>.
/// </summary>
internal sealed class WorkspaceResource;
