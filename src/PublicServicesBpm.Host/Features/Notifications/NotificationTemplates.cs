using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>The three texts of one notification in one language.</summary>
internal sealed record NotificationTexts(string Subject, string Sms, string Body);

/// <summary>
/// The notification texts from Resources/NotificationResource.resx (Vietnamese, the default) and
/// NotificationResource.en.resx: keys <c>{event}.subject</c>, <c>{event}.sms</c>, <c>{event}.body</c>, with named
/// placeholders such as <c>{code}</c>. Read through a <see cref="ResourceManager"/> so jobs render them outside a request.
/// </summary>
internal static partial class NotificationTemplates
{
    public const string Vietnamese = "vi-VN";

    public const string English = "en";

    public static readonly IReadOnlyList<string> Cultures = [Vietnamese, English];

    private static readonly ResourceManager Resources =
        new("PublicServicesBpm.Host.Resources.NotificationResource", typeof(NotificationTemplates).Assembly);

    /// <summary>"vi", "vi-VN" → vi-VN; "en", "en-US"… → en; anything else → null.</summary>
    public static string? NormalizeCulture(string? culture) => culture?.Trim().ToLowerInvariant() switch
    {
        "vi" or "vi-vn" => Vietnamese,
        { } c when c == "en" || c.StartsWith("en-", StringComparison.Ordinal) => English,
        _ => null,
    };

    /// <summary>
    /// The event's texts in <paramref name="culture"/> (vi-VN or en) with every <c>{name}</c> that has a value replaced;
    /// a placeholder without a value stays visible as written, so a missing value shows rather than vanishes.
    /// </summary>
    public static NotificationTexts Render(string eventCode, string culture, IReadOnlyDictionary<string, string> values)
    {
        var info = CultureInfo.GetCultureInfo(NormalizeCulture(culture) ?? Vietnamese);
        return new(Fill(Text(eventCode, "subject", info), values), Fill(Text(eventCode, "sms", info), values), Fill(Text(eventCode, "body", info), values));
    }

    /// <summary>Replaces <c>{name}</c> by its value; unknown names are left as they are.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups["name"].Value, out var value) ? value : match.Value);

    private static string Text(string eventCode, string part, CultureInfo culture) =>
        Resources.GetString(eventCode + "." + part, culture)
        ?? throw new InvalidOperationException($"No notification text '{eventCode}.{part}' ({culture.Name}).");

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
