// In the root namespace so that the texts are found at Resources/PortalResource.resx (see SharedResource).
namespace PublicServicesBpm.Host;

/// <summary>
/// Marker for the citizen portal's page texts in Resources/PortalResource.resx (Vietnamese, the default) and
/// Resources/PortalResource.en.resx (English).
/// </summary>
internal sealed class PortalResource;
