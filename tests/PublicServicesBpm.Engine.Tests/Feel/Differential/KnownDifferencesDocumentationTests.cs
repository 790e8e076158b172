using System.Runtime.CompilerServices;

namespace PublicServicesBpm.Engine.Tests.Feel.Differential;

public sealed class KnownDifferencesDocumentationTests
{
    [Fact]
    public void FeelDocumentation_EveryKnownDifference_IsListed()
    {
        var documentation = File.ReadAllText(DocumentationPath());

        var missing = KnownDifferences.All.Keys.Where(expression => !documentation.Contains($"| `{expression}` |", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "docs/engine/feel.md does not list: " + string.Join(", ", missing));
    }

    // Differential → Feel → PublicServicesBpm.Engine.Tests → tests → repository root.
    private static string DocumentationPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "..", "docs", "engine", "feel.md"));
}
