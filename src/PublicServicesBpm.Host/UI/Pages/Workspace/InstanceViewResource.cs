// The namespace is the assembly's root (not the folder's) so that the localizer finds Resources/InstanceViewResource.resx.
#pragma warning disable IDE0130 // Namespace does not match folder structure: required by the resource lookup (see above).
namespace PublicServicesBpm.Host;
#pragma warning restore IDE0130

/// <summary>
/// Marker for the texts of the instance viewer (UI/Pages/Workspace/InstanceDiagram.razor, shared with the designer):
/// Resources/InstanceViewResource.resx (Vietnamese, the default) and Resources/InstanceViewResource.en.resx (English).
/// It lives beside the component, not in Resources/, for the reason given on <see cref="AdminResource"/>.
/// </summary>
internal sealed class InstanceViewResource;
