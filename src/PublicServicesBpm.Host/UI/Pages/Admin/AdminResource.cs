// The namespace is the assembly's root (not the folder's) so that the localizer finds Resources/AdminResource.resx.
#pragma warning disable IDE0130 // Namespace does not match folder structure: required by the resource lookup (see above).
namespace PublicServicesBpm.Host;
#pragma warning restore IDE0130

/// <summary>
/// Marker for the texts of the administrator pages (UI/Pages/Admin) and the translations of the administration
/// services' error codes: Resources/AdminResource.resx (Vietnamese, the default) and Resources/AdminResource.en.resx
/// (English). It lives here, not in Resources/: a class file named like a .resx beside it would make MSBuild name
/// the compiled resource after the class (DependentUpon convention), and the localizer would not find it.
/// </summary>
internal sealed class AdminResource;
