using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>Every procedure in workflows/ imports and validates against the supported BPMN subset.</summary>
public sealed class WorkflowDefinitionTests
{
    [Fact]
    public void Workflows_EachImportsWithoutErrorsAndItsProcessIdIsTheFolderName()
    {
        var failures = new List<string>();
        foreach (var folder in RepositoryDefinitions.Subdirectories(RepositoryDefinitions.WorkflowsDirectory))
        {
            var key = Path.GetFileName(folder);
            var result = BpmnImporter.Import(File.ReadAllText(Path.Combine(folder, key + ".bpmn")));
            failures.AddRange(result.Errors.Select(e => $"{key}: {e}"));
            if (result.Document is { } document && !document.ExecutableProcesses.Any(p => p.Key == key))
            {
                failures.Add($"{key}: no executable process has the id '{key}'");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>
    /// Warnings do not block deployment, but in a shipped workflow they are mistakes: a message wait without
    /// psb:correlationKey would catch any dossier's message, a misspelt psb attribute is silently ignored.
    /// </summary>
    [Fact]
    public void Workflows_EachImportsWithoutWarnings()
    {
        var warnings = RepositoryDefinitions.WorkflowKeys.Order(StringComparer.Ordinal)
            .SelectMany(key => BpmnImporter.Import(File.ReadAllText(Path.Combine(RepositoryDefinitions.WorkflowsDirectory, key, key + ".bpmn")))
                .Warnings.Select(w => $"{key}: {w}"))
            .ToList();

        Assert.Empty(warnings);
    }
}
