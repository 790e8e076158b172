using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class TimerTests
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);

    private static InstanceDriver Wait(string timer, string calendar = "", object? variables = null) =>
        InstanceDriver.Started(ExecutionFixture.Inline($"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait" {calendar}>
              <bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:userTask id="after" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="after" />
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
            """), variables);

    [Fact]
    public void TimerCatch_Duration_CountsWorkingTimeByDefault()
    {
        var driver = Wait("<bpmn:timeDuration>P5D</bpmn:timeDuration>");

        // Monday 08:00 + 5 working days skips the weekend: next Monday 08:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, Hanoi), Assert.Single(driver.Of<TimerScheduled>()).DueAt);
        Assert.Equal(TokenWait.Timer, Assert.Single(driver.State!.Tokens).Wait);
    }

    [Fact]
    public void TimerCatch_CalendarBasis_CountsPlainTime()
    {
        var driver = Wait("<bpmn:timeDuration>PT8H</bpmn:timeDuration>", "psb:calendar=\"calendar\"");

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, Hanoi), Assert.Single(driver.Of<TimerScheduled>()).DueAt);
    }

    [Fact]
    public void TimerCatch_TimeDate_IsDueAtThatInstant()
    {
        var driver = Wait("<bpmn:timeDate>2026-12-31T08:00:00+07:00</bpmn:timeDate>");

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 8, 0, 0, Hanoi), Assert.Single(driver.Of<TimerScheduled>()).DueAt);
    }

    [Fact]
    public void TimerCatch_FeelDateExpression_IsEvaluatedWhenEntered()
    {
        var driver = Wait("<bpmn:timeDate>=date and time(appointment) - duration(\"PT1H\")</bpmn:timeDate>",
            variables: new { appointment = "2026-12-10T09:00:00+07:00" });

        Assert.Equal(new DateTimeOffset(2026, 12, 10, 8, 0, 0, Hanoi), Assert.Single(driver.Of<TimerScheduled>()).DueAt);
    }

    [Fact]
    public void TimerCatch_FeelDurationExpression_CountsWorkingDays()
    {
        var driver = Wait("<bpmn:timeDuration>=duration(\"P\" + string(days) + \"D\")</bpmn:timeDuration>", variables: new { days = 2 });

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, Hanoi), Assert.Single(driver.Of<TimerScheduled>()).DueAt);
    }

    [Fact]
    public void FireTimer_Due_MovesTokenOn()
    {
        var driver = Wait("<bpmn:timeDuration>PT2H</bpmn:timeDuration>");
        var timerId = driver.WaitId(WaitKind.Timer, "wait");

        driver.Send(new FireTimer(timerId));

        Assert.Equal(["after"], driver.OpenTasks());
        Assert.Equal(timerId, Assert.Single(driver.Of<TimerFired>()).TimerId);
        Assert.Throws<EngineCommandException>(() => driver.Send(new FireTimer(timerId)));
    }

    [Fact]
    public void TimerCatch_FeelExpressionYieldingNoTime_RaisesIncidentAtTheEvent()
    {
        var driver = Wait("<bpmn:timeDuration>=missingVariable</bpmn:timeDuration>");

        var incident = Assert.Single(driver.State!.Incidents);
        Assert.Equal(("wait", IncidentKind.ElementFailure), (incident.ElementId, incident.Kind));
        Assert.Empty(driver.Waits(WaitKind.Timer));

        driver.Send(new RetryIncident(incident.Id, InstanceDriver.Json(new { missingVariable = "PT1H" })));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Hanoi), Assert.Single(driver.Of<TimerScheduled>()).DueAt);
    }

    [Fact]
    public void TimerCatch_CycleWithStart_IsDueAtTheStartAndFiresOnce()
    {
        var driver = Wait("<bpmn:timeCycle>R5/2026-12-01T08:00:00+07:00/P1D</bpmn:timeCycle>");
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Hanoi), Assert.Single(driver.Of<TimerScheduled>()).DueAt);

        driver.FireTimer("wait");

        Assert.Empty(driver.Of<TimerScheduled>());
        Assert.Equal(["after"], driver.OpenTasks());
    }
}
