using System.Globalization;
using PublicServicesBpm.Host.Features.Audit;

namespace PublicServicesBpm.Host.UI.Pages.Portal;

/// <summary>How the portal writes dates, money and bilingual names: Vietnam time, Vietnamese number grouping.</summary>
internal static class PortalFormat
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English name where the page is in English and one exists, the Vietnamese one otherwise.</summary>
    public static string Name(string vietnamese, string? english) => English && !string.IsNullOrWhiteSpace(english) ? english : vietnamese;

    public static string Date(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Money(decimal amount, string currency) =>
        amount.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN")) + " " + (currency == "VND" ? "đồng" : currency);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string FileSize(long bytes) => bytes < 1024 * 1024
        ? Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB"
        : (bytes / (1024d * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static DateOnly Today(TimeProvider clock) => VietnamTime.LocalDate(clock.GetUtcNow());
}
