using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>Every workflows/&lt;key&gt;/procedure.json follows the agreed format (version 1), and the check catches what it should.</summary>
public sealed class ProcedureFileTests
{
    private const string Sample = "dang-ky-ho-kinh-doanh";

    [Fact]
    public void ProcedureFiles_AllShipped_FollowFormatVersion1()
    {
        var failures = new List<string>();
        foreach (var key in RepositoryDefinitions.WorkflowKeys)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(PathOf(key)));
            failures.AddRange(ProcedureFileRules.Check(document.RootElement, key, RepositoryDefinitions.WorkflowKeys, RepositoryDefinitions.FormKeys).Select(p => $"{key}: {p}"));
        }

        Assert.Empty(failures);
        Assert.Equal(5, RepositoryDefinitions.WorkflowKeys.Count);
    }

    [Fact]
    public void ProcedureFiles_JudicialRecord_HasTheTenAndFifteenDayCases()
    {
        var cases = JsonNode.Parse(File.ReadAllText(PathOf("cap-phieu-ly-lich-tu-phap")))!["cases"]!.AsArray();

        var limits = cases.ToDictionary(c => (string)c!["code"]!, c => c!["timeLimits"]!.AsArray().Select(l => (int)l!["value"]!).Distinct().Single());

        // The BPMN's case gateway tests caseCode = "xac-minh-mo-rong".
        Assert.Equal(new Dictionary<string, int> { ["mac-dinh"] = 10, ["xac-minh-mo-rong"] = 15 }, limits);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { """{"json":"$.nationalCode"}""", "$.nationalCode: required property missing" },
        { """{"json":"$.colour","value":"blue"}""", "$.colour: unknown property" },
        { """{"json":"$.level","value":"village"}""", "$.level: 'village' is not one of" },
        { """{"json":"$.onlineLevel","value":"level-4"}""", "$.onlineLevel: 'level-4' is not one of" },
        { """{"json":"$.key","value":"another-key"}""", "$.key: 'another-key' is not the folder name" },
        { """{"json":"$.publication.effectiveFrom","value":"01/07/2025"}""", "is not a date yyyy-MM-dd" },
        { """{"json":"$.cases[0].timeLimits[0].channel","value":"fax"}""", "'fax' is not one of" },
        { """{"json":"$.cases[0].timeLimits[0].unit","value":"weeks"}""", "'weeks' is not one of" },
        { """{"json":"$.cases[0].timeLimits[1].channel","value":"counter"}""", "channel 'counter' is used more than once" },
        { """{"json":"$.cases[0].timeLimits[0].value","value":0}""", "value: must be an integer ≥ 1" },
        { """{"json":"$.cases[0].workflow","value":"khong-ton-tai"}""", "no workflows/khong-ton-tai/" },
        { """{"json":"$.cases[0].components[0].formKey","value":"khong-co-mau"}""", "no forms/khong-co-mau/" },
        { """{"json":"$.cases[0].components[1].code","value":"giay-de-nghi"}""", "code 'giay-de-nghi' is used more than once" },
        { """{"json":"$.cases[0].components[0].nameVi","value":"x"}""", "nameVi: unknown property" },
        { """{"json":"$.cases[0].fees[0].per","value":"page"}""", "'page' is not one of" },
        { """{"json":"$.cases[0].fees[0].amount","value":-1}""", "amount: must be an integer ≥ 0" },
        { """{"json":"$.cases","value":[]}""", "$.cases: needs at least 1 item(s)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Check_BrokenFile_ReportsTheProblem(string change, string expected)
    {
        var edit = JsonNode.Parse(change)!;
        var file = JsonNode.Parse(File.ReadAllText(PathOf(Sample)))!;
        Apply(file, (string)edit["json"]!, edit["value"]?.DeepClone());

        using var document = JsonDocument.Parse(file.ToJsonString());
        var problems = ProcedureFileRules.Check(document.RootElement, Sample, RepositoryDefinitions.WorkflowKeys, RepositoryDefinitions.FormKeys);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    private static string PathOf(string key) => Path.Combine(RepositoryDefinitions.WorkflowsDirectory, key, "procedure.json");

    /// <summary>Sets (or, without a value, removes) the property at a simple path like <c>$.cases[0].fees[0].per</c>.</summary>
    private static void Apply(JsonNode root, string path, JsonNode? value)
    {
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var parent = root;
        foreach (var step in steps[..^1])
        {
            parent = step.StartsWith('[') ? parent[int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : parent[step]!;
        }
        var last = steps[^1];
        if (value is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }
}
