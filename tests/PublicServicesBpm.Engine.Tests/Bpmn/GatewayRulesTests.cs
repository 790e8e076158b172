using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class GatewayRulesTests
{
    private static string Decision(string gatewayAttributes, string flowA, string flowB) =>
        BpmnFixture.Process(
            $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" {gatewayAttributes} />
            <bpmn:endEvent id="e1" />
            <bpmn:endEvent id="e2" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
            <bpmn:sequenceFlow id="a" sourceRef="gw" targetRef="e1">{flowA}</bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="b" sourceRef="gw" targetRef="e2">{flowB}</bpmn:sequenceFlow>
            """);

    private const string Approved = "<bpmn:conditionExpression>=approved</bpmn:conditionExpression>";

    [Fact]
    public void Validate_ConditionsWithDefault_Valid()
    {
        Assert.Empty(BpmnFixture.Import(Decision("default=\"b\"", Approved, string.Empty)).Problems);
    }

    [Fact]
    public void Validate_FlowWithoutConditionNotDefault_ReportedOnFlow()
    {
        var problem = BpmnFixture.Import(Decision(string.Empty, Approved, string.Empty)).Single(BpmnRules.Condition, "b");

        Assert.Equal("Leaves exclusive gateway 'gw' without a condition and is not its default flow.", problem.Message);
    }

    [Fact]
    public void Validate_DefaultFlowLeavingElsewhere_ReportedOnGateway()
    {
        var problem = BpmnFixture.Import(Decision("default=\"f0\"", Approved, Approved)).Single(BpmnRules.Condition, "gw");

        Assert.Equal("The default flow 'f0' does not leave this gateway.", problem.Message);
    }

    [Fact]
    public void Validate_DefaultFlowWithCondition_Warning()
    {
        var result = BpmnFixture.Import(Decision("default=\"b\"", Approved, Approved));

        Assert.True(result.IsValid);
        Assert.Equal(BpmnProblemSeverity.Warning, result.Single(BpmnRules.Condition, "b").Severity);
    }

    [Theory]
    [InlineData("<bpmn:conditionExpression>   </bpmn:conditionExpression>", "The condition expression is empty.")]
    [InlineData("<bpmn:conditionExpression>=</bpmn:conditionExpression>", "The condition expression is empty.")]
    [InlineData("<bpmn:conditionExpression>${approved}</bpmn:conditionExpression>", "looks like a JUEL expression")]
    [InlineData("<bpmn:conditionExpression language=\"javascript\">approved</bpmn:conditionExpression>", "language 'javascript' is not supported")]
    public void Validate_BadConditionText_ReportedOnFlow(string condition, string message)
    {
        var problem = BpmnFixture.Import(Decision("default=\"b\"", condition, string.Empty)).Single(BpmnRules.Condition, "a");

        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionOnFlowFromTask_Rejected()
    {
        var xml = BpmnFixture.Process(
            $"""
            <bpmn:startEvent id="start" />
            <bpmn:manualTask id="t" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" />
            <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="end">{Approved}</bpmn:sequenceFlow>
            """);

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.Condition, "f2");

        Assert.StartsWith("Has a condition but leaves manualTask 't'", problem.Message, StringComparison.Ordinal);
    }

    private static string Race(string second, string extra = "") =>
        BpmnFixture.Process(
            $"""
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="race" />
            <bpmn:intermediateCatchEvent id="wait" psb:correlationKey="=code"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
            {second}
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="race" />
            <bpmn:sequenceFlow id="f1" sourceRef="race" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="race" targetRef="other" />
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end" />
            <bpmn:sequenceFlow id="f4" sourceRef="other" targetRef="end" />
            {extra}
            """,
            "<bpmn:message id=\"m\" name=\"supplement\" />");

    [Fact]
    public void Validate_EventGatewayWithTimerAndMessage_Valid()
    {
        var xml = Race("<bpmn:intermediateCatchEvent id=\"other\"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>");

        Assert.Empty(BpmnFixture.Import(xml).Problems);
    }

    [Fact]
    public void Validate_EventGatewayTargetingUserTask_ReportedOnGateway()
    {
        var problem = BpmnFixture.Import(Race("<bpmn:userTask id=\"other\" />")).Single(BpmnRules.EventGateway, "race");

        Assert.Equal("Target userTask 'other' is not a message or timer intermediate catch event or a receive task.", problem.Message);
    }

    [Fact]
    public void Validate_EventGatewayTargetWithSecondIncoming_ReportedOnTarget()
    {
        var xml = Race(
            "<bpmn:receiveTask id=\"other\" messageRef=\"m\" psb:correlationKey=\"=code\" />",
            "<bpmn:sequenceFlow id=\"again\" sourceRef=\"start\" targetRef=\"other\" />");

        var problem = BpmnFixture.Import(xml).Single(BpmnRules.EventGateway, "other");

        Assert.Equal("Follows event-based gateway 'race' and so must have no other incoming flow.", problem.Message);
    }

    [Fact]
    public void Validate_EventGatewayWithOneOutgoing_Reported()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="race" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="race" />
            <bpmn:sequenceFlow id="f1" sourceRef="race" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            """);

        Assert.StartsWith("Has 1 outgoing flows", BpmnFixture.Import(xml).Single(BpmnRules.EventGateway, "race").Message, StringComparison.Ordinal);
    }
}
