using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class BoundaryRulesTests
{
    private const string Timer = "<bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>";

    private static BpmnImportResult WithBoundary(string host, string boundaryAttributes, string definition, string declarations = "") =>
        BpmnFixture.Import(BpmnFixture.Linear(
            "host",
            $"""
            {host}
            <bpmn:boundaryEvent id="b" {boundaryAttributes}>{definition}</bpmn:boundaryEvent>
            <bpmn:endEvent id="bEnd" />
            <bpmn:sequenceFlow id="bf" sourceRef="b" targetRef="bEnd" />
            """,
            declarations));

    [Fact]
    public void Validate_TimerOnUserTask_Valid()
    {
        Assert.Empty(WithBoundary("<bpmn:userTask id=\"host\" />", "attachedToRef=\"host\"", Timer).Problems);
    }

    [Fact]
    public void Validate_MissingHost_Reported()
    {
        var problem = WithBoundary("<bpmn:userTask id=\"host\" />", "attachedToRef=\"ghost\"", Timer).Single(BpmnRules.BoundaryHost, "b");

        Assert.Equal("Unsupported host: attachedToRef 'ghost' is not an activity of the same scope.", problem.Message);
    }

    [Fact]
    public void Validate_NoAttachedToRef_Reported()
    {
        var problem = WithBoundary("<bpmn:userTask id=\"host\" />", string.Empty, Timer).Single(BpmnRules.BoundaryHost, "b");

        Assert.Equal("A boundary event needs attachedToRef naming its host activity.", problem.Message);
    }

    [Theory]
    [InlineData("<bpmn:manualTask id=\"host\" />", "attached to manualTask 'host', which passes its token on at once")]
    [InlineData("<bpmn:task id=\"host\" />", "attached to task 'host', which passes its token on at once")]
    [InlineData("<bpmn:exclusiveGateway id=\"host\" />", "attached to exclusiveGateway 'host'; boundary events attach to activities only")]
    public void Validate_UnsupportedHost_Reported(string host, string reason)
    {
        var problem = WithBoundary(host, "attachedToRef=\"host\"", Timer).Single(BpmnRules.BoundaryHost, "b");

        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ErrorBoundaryOnUserTask_Reported()
    {
        var problem = WithBoundary("<bpmn:userTask id=\"host\" />", "attachedToRef=\"host\"", "<bpmn:errorEventDefinition />").Single(BpmnRules.BoundaryHost, "b");

        Assert.Contains("nothing inside userTask 'host' throws a BPMN error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ErrorBoundaryOnServiceTask_Valid()
    {
        var result = WithBoundary("<bpmn:serviceTask id=\"host\" psb:type=\"tax.requestCode\" />", "attachedToRef=\"host\"", "<bpmn:errorEventDefinition errorRef=\"err\" />",
            "<bpmn:error id=\"err\" errorCode=\"TAX_REJECTED\" />");

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Validate_NonInterruptingErrorBoundary_Reported()
    {
        var result = WithBoundary("<bpmn:serviceTask id=\"host\" psb:type=\"x\" />", "attachedToRef=\"host\" cancelActivity=\"false\"", "<bpmn:errorEventDefinition />");

        Assert.Contains("always interrupting", result.Single(BpmnRules.EventDefinition, "b").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SignalBoundary_Reported()
    {
        var result = WithBoundary("<bpmn:userTask id=\"host\" />", "attachedToRef=\"host\"", "<bpmn:signalEventDefinition />");

        Assert.Contains("signal events are not supported", result.Single(BpmnRules.EventDefinition, "b").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ErrorEndWithoutCatcher_Warning()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="fail" />
            """,
            "<bpmn:error id=\"err\" errorCode=\"REFUSED\" />");

        var result = BpmnFixture.Import(xml);

        Assert.True(result.IsValid);
        var problem = result.Single(BpmnRules.UncaughtError, "fail");
        Assert.Equal(BpmnProblemSeverity.Warning, problem.Severity);
        Assert.Contains("'REFUSED'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ErrorEndCaughtByOtherCode_StillWarned()
    {
        var xml = BpmnFixture.Linear(
            "sub",
            """
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="s2" />
              <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>
              <bpmn:sequenceFlow id="fi" sourceRef="s2" targetRef="fail" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="catch" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="other" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="fc" sourceRef="catch" targetRef="end" />
            """,
            "<bpmn:error id=\"err\" errorCode=\"REFUSED\" /><bpmn:error id=\"other\" errorCode=\"OTHER\" />");

        BpmnFixture.Import(xml).Single(BpmnRules.UncaughtError, "fail");
    }
}
