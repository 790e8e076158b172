namespace PublicServicesBpm.Host;

/// <summary>
/// Marker for the auditor page's texts in Resources/AuditResource.resx (Vietnamese, the default) and
/// Resources/AuditResource.en.resx (English). In the root namespace, like <see cref="SharedResource"/>, so the
/// localizer finds them; and not in Resources/, where the build would name the .resx after this class instead.
/// </summary>
internal sealed class AuditResource;
