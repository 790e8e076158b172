using PublicServicesBpm.Forms;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>Every form in forms/ is a schema the server-side validator (PublicServicesBpm.Forms) reads without problems.</summary>
public sealed class FormSchemaTests
{
    [Fact]
    public void Forms_EveryShippedSchema_ParsesWithoutProblems()
    {
        var failures = new List<string>();
        foreach (var key in RepositoryDefinitions.FormKeys)
        {
            var result = FormSchema.Parse(File.ReadAllText(Path.Combine(RepositoryDefinitions.FormsDirectory, key, key + ".form.json")));
            failures.AddRange(result.Problems.Select(p => $"{key}: {p}"));
            if (result.Schema is null && result.Problems.Count == 0)
            {
                failures.Add($"{key}: no schema");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(10, RepositoryDefinitions.FormKeys.Count);
    }
}
