using System.Text.Json;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>The layout rules of workflows/ and forms/ (see their README files).</summary>
public sealed class RepositoryLayoutTests
{
    [Fact]
    public void Workflows_EveryProcedureFolder_HoldsItsBpmnAndProcedureJson()
    {
        Assert.True(Directory.Exists(RepositoryDefinitions.WorkflowsDirectory));
        foreach (var folder in RepositoryDefinitions.Subdirectories(RepositoryDefinitions.WorkflowsDirectory))
        {
            var key = Path.GetFileName(folder);
            Assert.True(File.Exists(Path.Combine(folder, key + ".bpmn")), $"workflows/{key}/{key}.bpmn is missing");
            Assert.True(File.Exists(Path.Combine(folder, "procedure.json")), $"workflows/{key}/procedure.json is missing");
            using var _ = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "procedure.json")));
        }
    }

    [Fact]
    public void Forms_EveryFormFolder_HoldsOneWellFormedFormJson()
    {
        Assert.True(Directory.Exists(RepositoryDefinitions.FormsDirectory));
        foreach (var folder in RepositoryDefinitions.Subdirectories(RepositoryDefinitions.FormsDirectory))
        {
            var key = Path.GetFileName(folder);
            var file = Path.Combine(folder, key + ".form.json");
            Assert.True(File.Exists(file), $"forms/{key}/{key}.form.json is missing");
            using var schema = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(JsonValueKind.Array, schema.RootElement.GetProperty("components").ValueKind);
        }
    }

    [Fact]
    public void KeyFolders_UseLowercaseAsciiKebabCase()
    {
        var folders = RepositoryDefinitions.Subdirectories(RepositoryDefinitions.WorkflowsDirectory)
            .Concat(RepositoryDefinitions.Subdirectories(RepositoryDefinitions.FormsDirectory))
            .Select(Path.GetFileName);

        Assert.All(folders, name => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", name));
    }
}
