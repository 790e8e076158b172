namespace PublicServicesBpm.Host;

/// <summary>
/// Marker for the account pages' texts (and the layout's sign-in links) in Resources/AccountResource.resx
/// (Vietnamese, the default) and Resources/AccountResource.en.resx (English). In the root namespace, like
/// <see cref="SharedResource"/>, so the localizer finds Resources/AccountResource*.resx.
/// </summary>
internal sealed class AccountResource;
