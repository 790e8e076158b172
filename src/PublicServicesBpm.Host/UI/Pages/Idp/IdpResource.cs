// In the root namespace so that the texts are found at Resources/IdpResource.resx (see SharedResource).
namespace PublicServicesBpm.Host;

/// <summary>
/// Marker for the development identity provider's page texts in Resources/IdpResource.resx (Vietnamese, the
/// default) and Resources/IdpResource.en.resx (English).
/// </summary>
internal sealed class IdpResource;
