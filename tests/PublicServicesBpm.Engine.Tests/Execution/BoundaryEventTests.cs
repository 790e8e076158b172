using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class BoundaryEventTests
{
    private const string Declarations = """<bpmn:message id="msg" name="withdraw" />""";

    // A sub-process (review → approve) with one boundary event; the boundary path leads to "escalate".
    private static InstanceDriver Started(string boundary) => InstanceDriver.Started(ExecutionFixture.Inline($"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="handling">
          <bpmn:startEvent id="s0" />
          <bpmn:parallelGateway id="fork" />
          <bpmn:userTask id="review" />
          <bpmn:serviceTask id="check" psb:type="registry.check" />
          <bpmn:parallelGateway id="join" />
          <bpmn:endEvent id="s9" />
          <bpmn:sequenceFlow id="s1" sourceRef="s0" targetRef="fork" />
          <bpmn:sequenceFlow id="s2" sourceRef="fork" targetRef="review" />
          <bpmn:sequenceFlow id="s3" sourceRef="fork" targetRef="check" />
          <bpmn:sequenceFlow id="s4" sourceRef="review" targetRef="join" />
          <bpmn:sequenceFlow id="s5" sourceRef="check" targetRef="join" />
          <bpmn:sequenceFlow id="s6" sourceRef="join" targetRef="s9" />
        </bpmn:subProcess>
        {boundary}
        <bpmn:userTask id="after" />
        <bpmn:userTask id="escalate" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end2" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handling" />
        <bpmn:sequenceFlow id="f2" sourceRef="handling" targetRef="after" />
        <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
        <bpmn:sequenceFlow id="b1" sourceRef="late" targetRef="escalate" />
        <bpmn:sequenceFlow id="b2" sourceRef="escalate" targetRef="end2" />
        """, Declarations), new { dossierCode = "H56-7" });

    private const string InterruptingTimer = """
        <bpmn:boundaryEvent id="late" attachedToRef="handling">
          <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        """;

    [Fact]
    public void InterruptingTimerBoundary_OnSubProcess_CancelsEverythingInside()
    {
        var driver = Started(InterruptingTimer);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(7)), Assert.Single(driver.Of<TimerScheduled>()).DueAt);

        driver.FireTimer("late");

        Assert.Equal(["escalate"], driver.OpenTasks());
        Assert.Equal("review", Assert.Single(driver.Of<UserTaskCancelled>()).ElementId);
        Assert.Equal("check", Assert.Single(driver.Of<JobCancelled>()).ElementId);
        Assert.DoesNotContain(driver.State!.Scopes, s => s.Kind == ScopeKind.SubProcess);
        Assert.Equal(["escalate"], driver.TokenPositions());
    }

    [Fact]
    public void BoundaryTimer_HostCompletesFirst_TimerIsCancelled()
    {
        var driver = Started(InterruptingTimer);

        driver.CompleteTask("review");
        driver.CompleteJob("check");

        Assert.Equal(["after"], driver.OpenTasks());
        Assert.Equal("late", Assert.Single(driver.Of<TimerCancelled>()).ElementId);
        Assert.Empty(driver.Waits(WaitKind.Timer));
    }

    [Fact]
    public void NonInterruptingMessageBoundary_StartsATokenAlongsideTheActivity()
    {
        var driver = Started("""
            <bpmn:boundaryEvent id="late" attachedToRef="handling" cancelActivity="false" psb:correlationKey="=dossierCode">
              <bpmn:messageEventDefinition messageRef="msg" />
            </bpmn:boundaryEvent>
            """);

        driver.Send(new CorrelateMessage("withdraw", "H56-7"));

        Assert.Equal(["review", "escalate"], driver.OpenTasks());
        Assert.Empty(driver.Of<UserTaskCancelled>());

        driver.CompleteTask("escalate");
        driver.CompleteTask("review");
        driver.CompleteJob("check");
        driver.CompleteTask("after");

        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }

    [Fact]
    public void NonInterruptingCycleTimerBoundary_FiresRepeatedlyThenStops()
    {
        var driver = Started("""
            <bpmn:boundaryEvent id="late" attachedToRef="handling" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R2/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            """);

        driver.FireTimer("late");
        var next = Assert.Single(driver.Of<TimerScheduled>());
        driver.FireTimer("late");

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(7)), next.DueAt);
        Assert.Empty(driver.Of<TimerScheduled>());
        Assert.Empty(driver.Waits(WaitKind.Timer));
        Assert.Equal(["review", "escalate", "escalate"], driver.OpenTasks());
    }

    [Fact]
    public void InterruptingMessageBoundary_OnUserTask_CancelsTheTask()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            <bpmn:boundaryEvent id="late" attachedToRef="review" psb:correlationKey="=dossierCode">
              <bpmn:messageEventDefinition messageRef="msg" />
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="withdrawn" psb:dossierStatus="7" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="withdrawn" />
            """, Declarations), new { dossierCode = "H56-8" });

        driver.Send(new CorrelateMessage("withdraw", "H56-8"));

        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
        Assert.Equal("review", Assert.Single(driver.Of<UserTaskCancelled>()).ElementId);
        Assert.Equal(7, Assert.Single(driver.Of<DossierStatusChanged>()).Code);
    }
}
