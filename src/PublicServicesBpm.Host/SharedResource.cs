namespace PublicServicesBpm.Host;

/// <summary>
/// Marker for the shared UI texts in Resources/SharedResource.resx (Vietnamese, the default) and
/// Resources/SharedResource.en.resx (English).
/// </summary>
internal sealed class SharedResource;
