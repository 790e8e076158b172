using System.Globalization;
using System.Resources;

namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// The refusal texts, from AttachmentMessages.resx (Vietnamese, the default) and AttachmentMessages.en.resx.
/// Read through a <see cref="ResourceManager"/> so they work outside a request too (jobs, commands, tests).
/// </summary>
internal static class AttachmentMessages
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ResourceManager Resources =
        new("PublicServicesBpm.Host.Features.Attachments.AttachmentMessages", typeof(AttachmentMessages).Assembly);

    public static string Describe(AttachmentError error, CultureInfo culture, IReadOnlyList<string> arguments)
    {
        var template = Resources.GetString(error.ToString(), culture)
            ?? throw new InvalidOperationException($"No message for attachment error {error}.");
        return string.Format(culture, template, [.. arguments]);
    }

    /// <summary>A size for people: "20 MB", "1.5 MB", "800 KB" (the same digits in both languages).</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}
