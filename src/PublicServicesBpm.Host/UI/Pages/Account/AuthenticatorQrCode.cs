using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace PublicServicesBpm.Host.UI.Pages.Account;

/// <summary>
/// What an authenticator app needs to add the account: the <c>otpauth://</c> URI (Key URI Format: TOTP, SHA-1,
/// 6 digits, 30 seconds, Identity's defaults) as a QR code in inline SVG drawn on the server (no script, no inline
/// style, so the content security policy holds), and the key in groups of four for typing.
/// </summary>
internal static class AuthenticatorQrCode
{
    public const string Issuer = "PublicServicesBpm";

    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length == 0 ? string.Empty : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToUpperInvariant();
    }

    /// <summary>An SVG image (with its text alternative in <c>title</c>) of <paramref name="text"/> as a QR code.</summary>
    public static string Svg(string text, string label, string titleId)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (modules[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" class="qr-code" role="img" aria-labelledby="{titleId}" shape-rendering="crispEdges"><title id="{titleId}">{WebUtility.HtmlEncode(label)}</title><rect width="{size}" height="{size}" fill="#ffffff"/><path fill="#000000" d="{path}"/></svg>""";
    }
}
