using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class SubProcessTests
{
    private static string Process(string subBody, string boundary = "") => $"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="appraisal">
          <bpmn:startEvent id="s0" />
          {subBody}
        </bpmn:subProcess>
        {boundary}
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="appraisal" />
        <bpmn:sequenceFlow id="f2" sourceRef="appraisal" targetRef="after" />
        <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
        """;

    private const string ObjectionBody = """
        <bpmn:userTask id="review" />
        <bpmn:exclusiveGateway id="gw" default="ok" />
        <bpmn:endEvent id="fine" />
        <bpmn:endEvent id="objection"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>
        <bpmn:sequenceFlow id="s1" sourceRef="s0" targetRef="review" />
        <bpmn:sequenceFlow id="s2" sourceRef="review" targetRef="gw" />
        <bpmn:sequenceFlow id="ok" sourceRef="gw" targetRef="fine" />
        <bpmn:sequenceFlow id="bad" sourceRef="gw" targetRef="objection"><bpmn:conditionExpression>=outcome = "object"</bpmn:conditionExpression></bpmn:sequenceFlow>
        """;

    private const string ErrorBoundary = """
        <bpmn:boundaryEvent id="caught" attachedToRef="appraisal"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>
        <bpmn:userTask id="handleObjection" />
        <bpmn:endEvent id="end2" />
        <bpmn:sequenceFlow id="c1" sourceRef="caught" targetRef="handleObjection" />
        <bpmn:sequenceFlow id="c2" sourceRef="handleObjection" targetRef="end2" />
        """;

    private const string Declarations = """<bpmn:error id="err" errorCode="OBJECTION" />""";

    [Fact]
    public void SubProcess_Entered_OpensScopeAndStartsInside_ThenContinuesAfterItCompletes()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Process(ObjectionBody), Declarations));

        var scope = Assert.Single(driver.State!.Scopes, s => s.Kind == ScopeKind.SubProcess);
        Assert.Equal("appraisal", scope.ElementId);
        var inner = Assert.Single(driver.State.Tokens, t => t.ElementId == "review");
        Assert.Equal(scope.Id, inner.ScopeId);
        Assert.Equal(TokenWait.SubProcess, Assert.Single(driver.State.Tokens, t => t.ElementId == "appraisal").Wait);

        driver.CompleteTask("review", variables: new { outcome = "agree" });

        Assert.Equal(["after"], driver.OpenTasks());
        Assert.DoesNotContain(driver.State!.Scopes, s => s.Kind == ScopeKind.SubProcess);
    }

    [Fact]
    public void ErrorEnd_InSubProcess_IsCaughtByErrorBoundaryOnTheSubProcess()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Process(ObjectionBody, ErrorBoundary), Declarations));

        driver.CompleteTask("review", "object");

        Assert.Equal(["handleObjection"], driver.OpenTasks());
        Assert.Equal(["handleObjection"], driver.TokenPositions());
        Assert.Contains(driver.Of<ElementEntered>(), e => e.ElementId == "caught");
    }

    [Fact]
    public void ErrorEnd_NotCaught_RaisesIncidentAtTheEndEvent()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Process(ObjectionBody), Declarations));

        driver.CompleteTask("review", "object");

        var incident = Assert.Single(driver.State!.Incidents);
        Assert.Equal(("objection", IncidentKind.UncaughtError, "OBJECTION"), (incident.ElementId, incident.Kind, incident.ErrorCode));
        Assert.Equal(InstanceStatus.Active, driver.State.Status);
    }

    [Fact]
    public void ErrorEnd_InNestedSubProcess_IsCaughtByTheNearestEnclosingBoundary()
    {
        var nested = """
            <bpmn:subProcess id="inner">
              <bpmn:startEvent id="i0" />
            """ + ObjectionBody.Replace("\"s0\"", "\"i0\"", StringComparison.Ordinal) + """
            </bpmn:subProcess>
            <bpmn:endEvent id="s9" />
            <bpmn:sequenceFlow id="n1" sourceRef="s0" targetRef="inner" />
            <bpmn:sequenceFlow id="n2" sourceRef="inner" targetRef="s9" />
            """;
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Process(nested, ErrorBoundary), Declarations));

        driver.CompleteTask("review", "object");

        Assert.Equal(["handleObjection"], driver.TokenPositions());
        Assert.Single(driver.State!.Scopes);
    }
}
