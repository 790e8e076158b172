using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

/// <summary>A Camunda Modeler file: two pools, message flow, DI, annotations, data objects, zeebe extensions.</summary>
public sealed class ModelerExportImportTests
{
    private static readonly string Xml = BpmnFixture.Read("modeler-export.bpmn");

    [Fact]
    public void Import_ModelerFile_ValidAndDocumentaryElementsIgnored()
    {
        var result = BpmnFixture.Import(Xml);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        var process = result.Document!.FindProcess("cap-ban-sao-trich-luc-ho-tich")!;
        Assert.Equal(["StartEvent_1", "Task_traCuu", "Task_capBanSao", "EndEvent_1"], process.Scope.Nodes.Select(n => n.Id));
        Assert.Equal(3, process.Scope.SequenceFlows.Count);
    }

    [Fact]
    public void Import_NonExecutablePool_KeptButNotValidated()
    {
        var document = BpmnFixture.Import(Xml).Document!;

        var citizen = document.FindProcess("Process_congDan")!;
        Assert.False(citizen.IsExecutable);
        Assert.Equal(["cap-ban-sao-trich-luc-ho-tich"], document.ExecutableProcesses.Select(p => p.Key));
        Assert.IsType<UnsupportedNode>(citizen.FindNode("Gateway_congDan"));
    }

    [Fact]
    public void Import_NestedLanes_InnermostLaneDefaultWins()
    {
        var process = BpmnFixture.Import(Xml).Document!.FindProcess("cap-ban-sao-trich-luc-ho-tich")!;

        var lookUp = Assert.IsType<UserTask>(process.FindNode("Task_traCuu"));
        Assert.Equal(["civil-status-officer@{agency}"], lookUp.CandidateGroups!.Groups);
        Assert.Equal(("Lane_tuPhap", "Lane_xa"), (process.Lanes[1].Id, process.Lanes[1].ParentLaneId));
        Assert.Equal("civil-status.issueCopy", Assert.IsType<ServiceTask>(process.FindNode("Task_capBanSao")).HandlerType);
    }

    [Fact]
    public void Import_ModelerFile_KeepsRawXmlForTheViewer()
    {
        var document = BpmnFixture.Import(Xml).Document!;

        Assert.Equal(Xml, document.SourceXml);
        Assert.Contains("BPMNDiagram", document.SourceXml, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", document.ContentHash);
    }
}
