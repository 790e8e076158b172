using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>Wires the attachment store (P6): options from <see cref="AttachmentOptions.Section"/>, the scanner hook.</summary>
internal static class AttachmentServices
{
    /// <summary>
    /// Registers <see cref="AttachmentStore"/> and, unless another <see cref="IAttachmentScanner"/> was registered
    /// before, the <see cref="NoVirusScanner"/>.
    /// </summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>()
            .BindConfiguration(AttachmentOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Attachments:Root must name a directory.")
            .Validate(o => o.MaxBytes > 0, "Attachments:MaxBytes must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IAttachmentScanner, NoVirusScanner>();
        services.AddSingleton<AttachmentStore>();
        return services;
    }
}
