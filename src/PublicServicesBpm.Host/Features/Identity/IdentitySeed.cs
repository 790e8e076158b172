namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>First start on an empty database: the administrator account (generated password printed once) and demo agencies.</summary>
internal static class IdentitySeed
{
    public static Task EnsureAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        _ = services;
        _ = configuration;
        _ = cancellationToken;
        return Task.CompletedTask;
    }
}
