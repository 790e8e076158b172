using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class EventBasedGatewayTests
{
    private static InstanceDriver Started() => InstanceDriver.Started(ExecutionFixture.Inline("""
        <bpmn:startEvent id="start" />
        <bpmn:eventBasedGateway id="race" />
        <bpmn:intermediateCatchEvent id="supplied" psb:correlationKey="=dossierCode">
          <bpmn:messageEventDefinition messageRef="msg" />
        </bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="deadline" psb:dossierStatus="3">
          <bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:userTask id="continue" />
        <bpmn:endEvent id="refused" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="race" />
        <bpmn:sequenceFlow id="f2" sourceRef="race" targetRef="supplied" />
        <bpmn:sequenceFlow id="f3" sourceRef="race" targetRef="deadline" />
        <bpmn:sequenceFlow id="f4" sourceRef="supplied" targetRef="continue" />
        <bpmn:sequenceFlow id="f5" sourceRef="deadline" targetRef="refused" />
        <bpmn:sequenceFlow id="f6" sourceRef="continue" targetRef="end" />
        """, """<bpmn:message id="msg" name="supplement-received" />"""), new { dossierCode = "H56-9" });

    [Fact]
    public void EventBasedGateway_Entered_OpensEveryEventAndWaits()
    {
        var driver = Started();

        Assert.Equal("supplied", Assert.Single(driver.Of<SubscriptionOpened>()).ElementId);
        Assert.Equal("deadline", Assert.Single(driver.Of<TimerScheduled>()).ElementId);
        Assert.Equal((TokenWait.EventGateway, "race"), (driver.State!.Tokens[0].Wait, driver.State.Tokens[0].ElementId));
    }

    [Fact]
    public void EventBasedGateway_MessageFirst_WinsAndCancelsTheTimerInTheSameResult()
    {
        var driver = Started();

        driver.Send(new CorrelateMessage("supplement-received", "H56-9"));

        Assert.Equal(["continue"], driver.OpenTasks());
        Assert.Equal("deadline", Assert.Single(driver.Of<TimerCancelled>()).ElementId);
        Assert.Empty(driver.Waits(WaitKind.Timer));
        Assert.Contains(driver.Of<ElementEntered>(), e => e.ElementId == "supplied");
    }

    [Fact]
    public void EventBasedGateway_TimerFirst_WinsAndClosesTheSubscription()
    {
        var driver = Started();

        driver.FireTimer("deadline");

        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
        Assert.Equal("supplied", Assert.Single(driver.Of<SubscriptionClosed>()).ElementId);
        Assert.Equal(3, Assert.Single(driver.Of<DossierStatusChanged>()).Code);
        Assert.Throws<EngineCommandException>(() => driver.Send(new CorrelateMessage("supplement-received", "H56-9")));
    }

    [Fact]
    public void EventBasedGateway_ReceiveTaskTarget_WinsTheRaceLikeAMessageCatch()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="race" />
            <bpmn:receiveTask id="paid" messageRef="msg" psb:correlationKey="=dossierCode" />
            <bpmn:intermediateCatchEvent id="deadline">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:userTask id="continue" />
            <bpmn:endEvent id="stopped" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="race" />
            <bpmn:sequenceFlow id="f2" sourceRef="race" targetRef="paid" />
            <bpmn:sequenceFlow id="f3" sourceRef="race" targetRef="deadline" />
            <bpmn:sequenceFlow id="f4" sourceRef="paid" targetRef="continue" />
            <bpmn:sequenceFlow id="f5" sourceRef="deadline" targetRef="stopped" />
            <bpmn:sequenceFlow id="f6" sourceRef="continue" targetRef="end" />
            """, """<bpmn:message id="msg" name="fee-paid" />"""), new { dossierCode = 42 });

        driver.Send(new CorrelateMessage("fee-paid", "42"));

        Assert.Equal(["continue"], driver.OpenTasks());
        Assert.Single(driver.Of<TimerCancelled>());
        Assert.Contains(driver.Of<ElementLeft>(), e => e.ElementId == "paid");
    }
}
