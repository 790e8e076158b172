using System.Runtime.CompilerServices;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>Finds the repository's workflows/ and forms/ folders from the test binary's location.</summary>
internal static class RepositoryDefinitions
{
    public static string Root { get; } = FindRoot();

    public static string WorkflowsDirectory => Path.Combine(Root, "workflows");

    public static string FormsDirectory => Path.Combine(Root, "forms");

    /// <summary>The procedure keys: the folders of workflows/.</summary>
    public static IReadOnlySet<string> WorkflowKeys => Subdirectories(WorkflowsDirectory).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The form keys: the folders of forms/.</summary>
    public static IReadOnlySet<string> FormKeys => Subdirectories(FormsDirectory).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> Subdirectories(string directory) =>
        Directory.GetDirectories(directory).Order(StringComparer.Ordinal);

    // From the test binary (the usual build) or else from this source file (a build with another output path).
    private static string FindRoot([CallerFilePath] string sourceFile = "") =>
        FindSolutionAbove(AppContext.BaseDirectory) ?? FindSolutionAbove(Path.GetDirectoryName(sourceFile)!)
        ?? throw new InvalidOperationException("PublicServicesBpm.sln not found above " + AppContext.BaseDirectory);

    private static string? FindSolutionAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PublicServicesBpm.sln")))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
