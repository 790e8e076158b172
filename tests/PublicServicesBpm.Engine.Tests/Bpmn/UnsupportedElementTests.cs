using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class UnsupportedElementTests
{
    [Theory]
    [InlineData("<bpmn:inclusiveGateway id=\"x\" />", "inclusiveGateway", "inclusive gateways are not supported")]
    [InlineData("<bpmn:complexGateway id=\"x\" />", "complexGateway", "complex gateways are not supported")]
    [InlineData("<bpmn:scriptTask id=\"x\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>", "scriptTask", "script tasks are not supported")]
    [InlineData("<bpmn:businessRuleTask id=\"x\" />", "businessRuleTask", "business rule tasks are not supported")]
    [InlineData("<bpmn:transaction id=\"x\" />", "transaction", "transactions")]
    [InlineData("<bpmn:adHocSubProcess id=\"x\" />", "adHocSubProcess", "ad-hoc sub-processes are not supported")]
    [InlineData("<bpmn:intermediateThrowEvent id=\"x\" />", "intermediateThrowEvent", "intermediate throw events are not supported")]
    [InlineData("<bpmn:fancyTask id=\"x\" />", "fancyTask", "'fancyTask' is not part of the supported BPMN subset")]
    public void Import_UnsupportedFlowElement_ReportedWithIdTypeAndReason(string element, string type, string reason)
    {
        var result = BpmnFixture.Import(BpmnFixture.Linear("x", element));

        var problem = result.Single(BpmnRules.UnsupportedElement, "x");
        Assert.Equal(type, problem.ElementType);
        Assert.Equal(BpmnProblemSeverity.Error, problem.Severity);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.Equal("x", e.ElementId)); // the placeholder prevents follow-up errors
    }

    [Theory]
    [InlineData("signalEventDefinition", "signal events are not supported")]
    [InlineData("conditionalEventDefinition", "conditional events are not supported")]
    [InlineData("escalationEventDefinition", "escalation events are not supported")]
    [InlineData("linkEventDefinition", "link events are not supported")]
    [InlineData("compensateEventDefinition", "compensation is not supported")]
    public void Import_UnsupportedCatchEventDefinition_ReportedOnTheEvent(string definition, string reason)
    {
        var result = BpmnFixture.Import(BpmnFixture.Linear("x", $"<bpmn:intermediateCatchEvent id=\"x\"><bpmn:{definition} /></bpmn:intermediateCatchEvent>"));

        var problem = result.Single(BpmnRules.EventDefinition, "x");
        Assert.Equal("intermediateCatchEvent", problem.ElementType);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<bpmn:messageEventDefinition messageRef=\"m\" />", "only none start events are supported")]
    [InlineData("<bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>", "only none start events are supported")]
    [InlineData("<bpmn:signalEventDefinition />", "signal events are not supported")]
    public void Import_StartEventWithTrigger_Rejected(string definition, string reason)
    {
        var xml = BpmnFixture.Process(
            $"""
            <bpmn:startEvent id="start">{definition}</bpmn:startEvent>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
            """);

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.EventDefinition, "start");

        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MessageEndEvent_Rejected()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="end"><bpmn:messageEventDefinition /></bpmn:endEvent>
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
            """);

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.EventDefinition, "end");

        Assert.Contains("end events may be none, terminate or error only", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_EventSubProcess_Rejected()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
            <bpmn:subProcess id="events" triggeredByEvent="true">
              <bpmn:startEvent id="s2" />
              <bpmn:endEvent id="e2" />
              <bpmn:sequenceFlow id="f2" sourceRef="s2" targetRef="e2" />
            </bpmn:subProcess>
            """);

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.UnsupportedElement, "events");

        Assert.Contains("Event sub-processes are not supported", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CompensationActivityAndStandardLoop_Rejected()
    {
        var result = BpmnFixture.Import(BpmnFixture.Linear("x", "<bpmn:userTask id=\"x\" isForCompensation=\"true\"><bpmn:standardLoopCharacteristics /></bpmn:userTask>"));

        var problems = result.Problems.Where(p => p.Code == BpmnRules.UnsupportedElement && p.ElementId == "x").Select(p => p.Message).ToList();
        Assert.Contains(problems, m => m.Contains("Compensation activities are not supported", StringComparison.Ordinal));
        Assert.Contains(problems, m => m.Contains("standard loops are not supported", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_EventWithTwoDefinitions_Rejected()
    {
        var xml = BpmnFixture.Linear(
            "x",
            """
            <bpmn:intermediateCatchEvent id="x" psb:correlationKey="=k">
              <bpmn:messageEventDefinition messageRef="m" />
              <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            """,
            "<bpmn:message id=\"m\" name=\"m\" />");

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.EventDefinition, "x");

        Assert.Contains("2 event definitions", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CatchEventWithoutDefinition_Rejected()
    {
        var problem = BpmnFixture.Import(BpmnFixture.Linear("x", "<bpmn:intermediateCatchEvent id=\"x\" />")).Single(BpmnRules.EventDefinition, "x");

        Assert.Contains("needs a timer or message definition", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SeveralUnsupportedElements_EveryOneReported()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="a" />
            <bpmn:inclusiveGateway id="b" />
            <bpmn:businessRuleTask id="c" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a" />
            <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b" />
            <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="c" />
            <bpmn:sequenceFlow id="f4" sourceRef="c" targetRef="end" />
            """);

        var result = BpmnFixture.Import(xml);

        Assert.Equal(["a", "b", "c"], result.Errors.Select(e => e.ElementId));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Import_UnknownDefinitionsLevelElement_Warning()
    {
        var xml = BpmnFixture.Linear("t", "<bpmn:manualTask id=\"t\" />", "<bpmn:conversation id=\"conv\" />");

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.UnsupportedElement, "conv");

        Assert.Equal(BpmnProblemSeverity.Warning, problem.Severity);
    }

    [Fact]
    public void Import_InclusiveSplitAndJoinWithConditions_OnlyTheGatewaysReported()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:inclusiveGateway id="split" />
            <bpmn:userTask id="a" />
            <bpmn:userTask id="b" />
            <bpmn:inclusiveGateway id="merge" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="split" />
            <bpmn:sequenceFlow id="fa" sourceRef="split" targetRef="a"><bpmn:conditionExpression>=needsA</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="fb" sourceRef="split" targetRef="b"><bpmn:conditionExpression>=needsB</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="fa2" sourceRef="a" targetRef="merge" />
            <bpmn:sequenceFlow id="fb2" sourceRef="b" targetRef="merge" />
            <bpmn:sequenceFlow id="f9" sourceRef="merge" targetRef="end" />
            """);

        var result = BpmnFixture.Import(xml);

        Assert.Equal(["split", "merge"], result.Problems.Select(p => p.ElementId));
    }

    [Fact]
    public void Import_BoundaryEventWithoutHost_NoFollowUpReachabilityErrors()
    {
        var xml = BpmnFixture.Linear(
            "t",
            """
            <bpmn:userTask id="t" />
            <bpmn:boundaryEvent id="b"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:manualTask id="after" />
            <bpmn:sequenceFlow id="fb" sourceRef="b" targetRef="after" />
            <bpmn:sequenceFlow id="fa" sourceRef="after" targetRef="end" />
            """);

        var result = BpmnFixture.Import(xml);

        Assert.Equal(["b"], result.Problems.Select(p => p.ElementId));
    }
}
