using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class StructureRulesTests
{
    [Fact]
    public void Validate_ProcessWithoutIsExecutable_NoExecutableProcessWithHint()
    {
        var xml = BpmnFixture.Process("<bpmn:startEvent id=\"s\" />").Replace(" isExecutable=\"true\"", string.Empty, StringComparison.Ordinal);

        var result = BpmnFixture.Import(xml);

        var problem = result.Single(BpmnRules.NoExecutableProcess, "defs");
        Assert.Contains("set isExecutable=\"true\" on the process to deploy (p)", problem.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_DefinitionsWithoutProcess_NoExecutableProcess()
    {
        var result = BpmnFixture.Import(BpmnFixture.Header + "</bpmn:definitions>");

        Assert.Contains("the file contains no process", result.Single(BpmnRules.NoExecutableProcess, "defs").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoStartEvents_ReportedOnProcess()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="s1" />
            <bpmn:startEvent id="s2" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="s1" targetRef="end" />
            <bpmn:sequenceFlow id="f2" sourceRef="s2" targetRef="end" />
            """);

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.StartEventCount, "p");

        Assert.Equal("process", problem.ElementType);
        Assert.Equal("Has 2 none start events; a process needs exactly one.", problem.Message);
    }

    [Fact]
    public void Validate_SubProcessWithoutStartEvent_ReportedOnSubProcess()
    {
        var xml = BpmnFixture.Linear(
            "sub",
            """
            <bpmn:subProcess id="sub">
              <bpmn:userTask id="inner" />
              <bpmn:endEvent id="innerEnd" />
              <bpmn:sequenceFlow id="fi" sourceRef="inner" targetRef="innerEnd" />
            </bpmn:subProcess>
            """);

        var result = BpmnFixture.Import(xml);

        Assert.Equal("Has 0 none start events; a subProcess needs exactly one.", result.Single(BpmnRules.StartEventCount, "sub").Message);
        result.Single(BpmnRules.Unreachable, "inner");
    }

    [Fact]
    public void Validate_FlowToMissingNode_ReportedOnFlow()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            <bpmn:sequenceFlow id="broken" sourceRef="start" targetRef="nowhere" />
            """);

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.FlowReference, "broken");

        Assert.StartsWith("targetRef 'nowhere' is not a flow node of this process ('p')", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FlowIntoSubProcessNode_CrossesScopeBorder()
    {
        var xml = BpmnFixture.Linear(
            "sub",
            """
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="s2" />
              <bpmn:endEvent id="e2" />
              <bpmn:sequenceFlow id="fi" sourceRef="s2" targetRef="e2" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="cross" sourceRef="start" targetRef="e2" />
            """);

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.FlowReference, "cross");

        Assert.Contains("cannot cross scope borders", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FlowWithoutTarget_Reported()
    {
        var xml = BpmnFixture.Linear("t", "<bpmn:manualTask id=\"t\" /><bpmn:sequenceFlow id=\"half\" sourceRef=\"t\" />");

        Assert.Equal("A sequence flow needs both sourceRef and targetRef.", BpmnFixture.Import(xml).Single(BpmnRules.FlowReference, "half").Message);
    }

    [Fact]
    public void Validate_FlowsIntoStartAndOutOfEnd_Reported()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:manualTask id="t" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" />
            <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="end" />
            <bpmn:sequenceFlow id="back" sourceRef="end" targetRef="start" />
            """);

        var result = BpmnFixture.Import(xml);

        var problems = result.Problems.Where(p => p.Code == BpmnRules.FlowDirection && p.ElementId == "back").Select(p => p.Message).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, m => m.StartsWith("Enters 'start'", StringComparison.Ordinal));
        Assert.Contains(problems, m => m.StartsWith("Leaves end event 'end'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TaskWithTwoOutgoingFlows_ImplicitSplitRejected()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:manualTask id="t" />
            <bpmn:endEvent id="e1" />
            <bpmn:endEvent id="e2" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" />
            <bpmn:sequenceFlow id="a" sourceRef="t" targetRef="e1" />
            <bpmn:sequenceFlow id="b" sourceRef="t" targetRef="e2" />
            """);

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.ImplicitSplit, "t");

        Assert.Equal("Has 2 outgoing flows (a, b); split with an exclusive or parallel gateway instead.", problem.Message);
    }

    [Fact]
    public void Import_DuplicateId_ReportedOnce()
    {
        var xml = BpmnFixture.Linear("t", "<bpmn:manualTask id=\"t\" /><bpmn:manualTask id=\"t\" />");

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.InvalidId, "t");

        Assert.Contains("is used more than once", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FlowNodeWithoutId_Reported()
    {
        var xml = BpmnFixture.Linear("t", "<bpmn:manualTask id=\"t\" /><bpmn:userTask name=\"anonymous\" />");

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.InvalidId, null);

        Assert.Equal("userTask", problem.ElementType);
    }

    [Fact]
    public void Import_PlainTask_WarningOnly()
    {
        var result = BpmnFixture.Import(BpmnFixture.Linear("t", "<bpmn:task id=\"t\" />"));

        Assert.True(result.IsValid);
        Assert.IsType<PlainTask>(result.Document!.Processes[0].FindNode("t"));
        Assert.Equal(BpmnProblemSeverity.Warning, result.Single(BpmnRules.PlainTask, "t").Severity);
    }

    [Fact]
    public void Import_MessageIdReusedByNode_Reported()
    {
        var xml = BpmnFixture.Linear("m", "<bpmn:manualTask id=\"m\" />", "<bpmn:message id=\"m\" name=\"paid\" />");

        Assert.Equal("manualTask", BpmnFixture.Import(xml).Single(BpmnRules.InvalidId, "m").ElementType);
    }
}
