using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>
/// Serves Noto Serif (SIL OFL 1.1, full Vietnamese coverage) from the files beside the host, so PDFsharp's core build
/// embeds it on a machine with no installed font. Every family name resolves to it: slips use one typeface.
/// </summary>
internal sealed class SlipFontResolver : IFontResolver
{
    public const string Family = "Noto Serif";

    private static readonly Lock InstallLock = new();

    private readonly string _directory;
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private SlipFontResolver(string directory) => _directory = directory;

    /// <summary>The one instance: PDFsharp accepts its global resolver once, or the same instance again.</summary>
    public static SlipFontResolver Instance { get; } = new(Path.Combine(AppContext.BaseDirectory, "Features", "Slips", "Fonts"));

    /// <summary>Makes this the resolver of PDFsharp in this process, before the first font is used.</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "NotoSerif-Bold" : "NotoSerif-Regular", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, face =>
    {
        var file = Path.Combine(_directory, face + ".ttf");
        return File.Exists(file)
            ? File.ReadAllBytes(file)
            : throw new FileNotFoundException($"The slip font {face}.ttf is missing from {_directory}; it is copied there by the build (Features/Slips/Fonts).", file);
    });
}
