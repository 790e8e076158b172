using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class ExtensionAttributeTests
{
    private static BpmnImportResult Import(string node) => BpmnFixture.Import(BpmnFixture.Linear("t", node));

    [Theory]
    [InlineData("psb:dossierStatus=\"0\"", "psb:dossierStatus must be a dossier status code from 1 to 10, not '0'.")]
    [InlineData("psb:dossierStatus=\"11\"", "psb:dossierStatus must be a dossier status code from 1 to 10, not '11'.")]
    [InlineData("psb:dossierStatus=\"two\"", "psb:dossierStatus must be a dossier status code from 1 to 10, not 'two'.")]
    [InlineData("psb:dueIn=\"3 days\"", "psb:dueIn must be a positive ISO-8601 duration such as P3D or PT4H, not '3 days'.")]
    [InlineData("psb:dueIn=\"PT0S\"", "psb:dueIn must be a positive ISO-8601 duration such as P3D or PT4H, not 'PT0S'.")]
    [InlineData("psb:calendar=\"weekly\"", "psb:calendar must be 'working' or 'calendar', not 'weekly'.")]
    [InlineData("psb:formBinding=\"version:0\"", "psb:formBinding must be 'deployment', 'latest' or 'version:N' with N ≥ 1, not 'version:0'.")]
    [InlineData("psb:formKey=\"my form\"", "psb:formKey must be letters, digits, '.', '_' or '-' without spaces, not 'my form'.")]
    [InlineData("psb:outcomes=\"approve,,approve\"", "psb:outcomes must be a comma-separated list of distinct codes such as 'approve,reject', not 'approve,,approve'.")]
    [InlineData("psb:candidateGroups=\"head of office\"", "psb:candidateGroups must be role codes such as 'specialist' or 'specialist@{agency}', comma-separated, or a FEEL expression starting with '=', not 'head of office'.")]
    [InlineData("psb:assignee=\" \"", "psb:assignee must not be empty.")]
    public void Import_InvalidUserTaskAttribute_ReportedWithReason(string attribute, string message)
    {
        var problem = Import($"<bpmn:userTask id=\"t\" {attribute} />").Single(BpmnRules.ExtensionAttribute, "t");

        Assert.Equal("userTask", problem.ElementType);
        Assert.Equal(message, problem.Message);
    }

    [Theory]
    [InlineData("psb:type=\"tax.code\" psb:retries=\"-1\"", "psb:retries must be a whole number from 0 to 100, not '-1'.")]
    [InlineData("psb:type=\"tax.code\" psb:retries=\"many\"", "psb:retries must be a whole number from 0 to 100, not 'many'.")]
    [InlineData("psb:retries=\"2\"", "psb:type is required: a serviceTask is done by the registered handler it names.")]
    [InlineData("psb:type=\"tax code\"", "psb:type must be letters, digits, '.', '_' or '-' without spaces, not 'tax code'.")]
    public void Import_InvalidServiceTaskAttribute_ReportedWithReason(string attributes, string message)
    {
        var problem = Import($"<bpmn:serviceTask id=\"t\" {attributes} />").Single(BpmnRules.ExtensionAttribute, "t");

        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Import_InvalidLaneGroups_ReportedOnLane()
    {
        var xml = BpmnFixture.Linear("t", "<bpmn:laneSet><bpmn:lane id=\"lane\" psb:candidateGroups=\"a b\"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet><bpmn:userTask id=\"t\" />");

        Assert.Equal("lane", BpmnFixture.Import(xml).Single(BpmnRules.ExtensionAttribute, "lane").ElementType);
    }

    [Fact]
    public void Import_UnknownAndMisplacedAttributes_WarningsOnly()
    {
        var result = Import("<bpmn:manualTask id=\"t\" psb:candidateGroup=\"typo\" psb:formKey=\"f\" />");

        Assert.True(result.IsValid);
        var messages = result.Problems.Where(p => p.Code == BpmnRules.ExtensionIgnored && p.ElementId == "t").Select(p => p.Message).ToList();
        Assert.Equal(
            ["psb:candidateGroup is not a known extension attribute; it is ignored.", "psb:formKey has no effect on a manualTask; it is ignored."],
            messages);
    }

    [Theory]
    [InlineData("psb:binding=\"sometimes\"", "psb:binding must be 'latest', 'deployment', 'version' or 'versionTag', not 'sometimes'.")]
    [InlineData("psb:binding=\"version\"", "psb:version is required: psb:binding=\"version\" calls one fixed version.")]
    [InlineData("psb:binding=\"version\" psb:version=\"0\"", "psb:version must be a version number ≥ 1, not '0'.")]
    [InlineData("psb:binding=\"versionTag\"", "psb:versionTag is required: psb:binding=\"versionTag\" calls the version carrying that tag.")]
    public void Import_InvalidCallBinding_Reported(string attributes, string message)
    {
        var problem = Import($"<bpmn:callActivity id=\"t\" calledElement=\"other\" {attributes} />").Single(BpmnRules.ExtensionAttribute, "t");

        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Import_ProblemsOnOneElement_AllReported()
    {
        var result = Import("<bpmn:userTask id=\"t\" psb:dossierStatus=\"0\" psb:dueIn=\"x\" psb:calendar=\"y\" />");

        Assert.Equal(3, result.Errors.Count(e => e.ElementId == "t" && e.Code == BpmnRules.ExtensionAttribute));
    }
}
