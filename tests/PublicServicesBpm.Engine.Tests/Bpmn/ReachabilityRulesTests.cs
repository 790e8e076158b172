using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class ReachabilityRulesTests
{
    [Fact]
    public void Validate_NodeWithoutIncomingFlow_Unreachable()
    {
        var xml = BpmnFixture.Linear("t", "<bpmn:manualTask id=\"t\" /><bpmn:manualTask id=\"orphan\" /><bpmn:sequenceFlow id=\"o\" sourceRef=\"orphan\" targetRef=\"end\" />");

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.Unreachable, "orphan");

        Assert.Equal("Has no incoming sequence flow, so no token can ever reach it.", problem.Message);
    }

    [Fact]
    public void Validate_IslandCycle_NotReachableFromStart()
    {
        var xml = BpmnFixture.Linear(
            "t",
            """
            <bpmn:manualTask id="t" />
            <bpmn:exclusiveGateway id="x" default="toEnd" />
            <bpmn:manualTask id="y" />
            <bpmn:sequenceFlow id="xy" sourceRef="x" targetRef="y" ><bpmn:conditionExpression>=again</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="toEnd" sourceRef="x" targetRef="end" />
            <bpmn:sequenceFlow id="yx" sourceRef="y" targetRef="x" />
            """);

        var result = BpmnFixture.Import(xml);

        Assert.Equal("Cannot be reached from start event 'start'.", result.Single(BpmnRules.Unreachable, "x").Message);
        result.Single(BpmnRules.Unreachable, "y");
    }

    [Fact]
    public void Validate_TaskWithoutOutgoingFlow_DeadEnd()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="t" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" />
            """);

        var result = BpmnFixture.Import(xml);

        Assert.StartsWith("Has no outgoing sequence flow", result.Single(BpmnRules.NoPathToEnd, "t").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Problems, p => p.ElementId == "start"); // reported at the dead end only
    }

    [Fact]
    public void Validate_LoopWithoutExit_CannotReachEnd()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="merge" />
            <bpmn:userTask id="t" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="merge" />
            <bpmn:sequenceFlow id="f2" sourceRef="merge" targetRef="t" />
            <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="merge" />
            """);

        var result = BpmnFixture.Import(xml);

        Assert.Equal("No path from here reaches an end event; tokens would circle or wait here forever.", result.Single(BpmnRules.NoPathToEnd, "t").Message);
        result.Single(BpmnRules.NoPathToEnd, "merge");
        result.Single(BpmnRules.Unreachable, "end");
    }

    [Fact]
    public void Validate_NonInterruptingBoundaryPath_ReachableAndEnds()
    {
        var xml = BpmnFixture.Linear(
            "t",
            """
            <bpmn:userTask id="t" />
            <bpmn:boundaryEvent id="remind" attachedToRef="t" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sendTask id="notify" psb:type="notification.remind" />
            <bpmn:endEvent id="reminded" />
            <bpmn:sequenceFlow id="r1" sourceRef="remind" targetRef="notify" />
            <bpmn:sequenceFlow id="r2" sourceRef="notify" targetRef="reminded" />
            """);

        var result = BpmnFixture.Import(xml);

        Assert.Empty(result.Problems);
    }
}
