using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class CallActivityTests
{
    private static InstanceDriver Started(string calledElement, string attributes = "") => InstanceDriver.Started(ExecutionFixture.Inline($"""
        <bpmn:startEvent id="start" />
        <bpmn:callActivity id="child" calledElement="{calledElement}" {attributes} />
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="child" />
        <bpmn:sequenceFlow id="f2" sourceRef="child" targetRef="after" />
        <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
        """), new { dossierCode = "H56-3", procedure = "cap-ban-sao" });

    [Fact]
    public void CallActivity_Entered_AsksTheHostToStartTheChildAndWaits()
    {
        var driver = Started("cap-phep", "psb:binding=\"version\" psb:version=\"2\"");

        var request = Assert.Single(driver.Of<CallActivityRequested>());
        Assert.Equal(("child", "cap-phep", CallBinding.Version, 2), (request.ElementId, request.CalledProcessKey, request.Binding, request.Version));
        Assert.Equal("H56-3", request.Variables["dossierCode"]!.GetValue<string>());
        Assert.Equal(TokenWait.CallActivity, Assert.Single(driver.State!.Tokens).Wait);
    }

    [Fact]
    public void CallActivity_FeelCalledElement_IsEvaluated()
    {
        var driver = Started("=procedure");

        Assert.Equal("cap-ban-sao", Assert.Single(driver.Of<CallActivityRequested>()).CalledProcessKey);
    }

    [Fact]
    public void CompleteCallActivity_MergesOutputAndContinues()
    {
        var driver = Started("cap-phep");
        var callId = Assert.Single(driver.Of<CallActivityRequested>()).CallId;

        driver.Send(new CompleteCallActivity(callId, InstanceDriver.Json(new { permitNumber = "123/GP" })));

        Assert.Equal(["after"], driver.OpenTasks());
        Assert.Equal("123/GP", driver.Variable("permitNumber")!.GetValue<string>());
    }

    [Fact]
    public void CancelInstance_WithOpenCall_AsksTheHostToCancelTheChild()
    {
        var driver = Started("cap-phep");

        driver.Send(new CancelInstance("withdrawn"));

        Assert.Equal("child", Assert.Single(driver.Of<CallActivityCancelled>()).ElementId);
    }

    [Fact]
    public void FailCallActivity_WithBpmnError_IsCaughtByErrorBoundaryOnTheCallActivity()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="child" calledElement="cap-phep" />
            <bpmn:boundaryEvent id="failed" attachedToRef="child"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="after" />
            <bpmn:userTask id="handle" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="end2" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="child" />
            <bpmn:sequenceFlow id="f2" sourceRef="child" targetRef="after" />
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
            <bpmn:sequenceFlow id="f4" sourceRef="failed" targetRef="handle" />
            <bpmn:sequenceFlow id="f5" sourceRef="handle" targetRef="end2" />
            """));

        driver.Send(new FailCallActivity(Assert.Single(driver.Of<CallActivityRequested>()).CallId, "REFUSED"));

        Assert.Equal(["handle"], driver.OpenTasks());
        Assert.Empty(driver.Waits(WaitKind.CallActivity));
    }

    [Fact]
    public void FailCallActivity_Uncaught_RaisesIncident_RetryRequestsANewChild()
    {
        var driver = Started("cap-phep");
        var first = Assert.Single(driver.Of<CallActivityRequested>()).CallId;

        driver.Send(new FailCallActivity(first, "REFUSED"));
        var incident = Assert.Single(driver.State!.Incidents);
        driver.Send(new RetryIncident(incident.Id));

        var second = Assert.Single(driver.Of<CallActivityRequested>()).CallId;
        Assert.NotEqual(first, second);
        Assert.Empty(driver.State!.Incidents);
    }
}
