using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class JobTests
{
    private static string Service(string attributes = "", string boundary = "", string extraNodes = "") => $"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="sync" psb:type="dvcqg.sync" {attributes} />
        {boundary}
        <bpmn:userTask id="after" />
        {extraNodes}
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sync" />
        <bpmn:sequenceFlow id="f2" sourceRef="sync" targetRef="after" />
        <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
        """;

    [Fact]
    public void ServiceTask_Entered_SchedulesJobAndWaits()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Service()));

        var job = Assert.Single(driver.Of<JobScheduled>());
        Assert.Equal(("sync", "dvcqg.sync", 3, InstanceDriver.MondayMorning), (job.ElementId, job.HandlerType, job.RetriesLeft, job.RunAt));
        Assert.Equal(TokenWait.Job, Assert.Single(driver.State!.Tokens).Wait);
    }

    [Fact]
    public void SendTask_Entered_SchedulesJobToo()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Service().Replace("serviceTask", "sendTask", StringComparison.Ordinal)));

        Assert.Equal("dvcqg.sync", Assert.Single(driver.Of<JobScheduled>()).HandlerType);
    }

    [Fact]
    public void CompleteJob_MergesResultsAndContinues()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Service()));

        driver.CompleteJob("sync", new { syncedAt = "2026-11-30" });

        Assert.Equal("2026-11-30", driver.Variable("syncedAt")!.GetValue<string>());
        Assert.Equal(["after"], driver.OpenTasks());
        Assert.True(Assert.Single(driver.Of<JobFinished>()).Succeeded);
    }

    [Fact]
    public void FailJob_WithRetriesLeft_ReschedulesSameJobWithDoublingBackoff()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Service()));
        var jobId = driver.WaitId(WaitKind.Job, "sync");

        driver.Send(new FailJob(jobId, "timeout"));
        var first = Assert.Single(driver.Of<JobScheduled>());
        driver.Send(new FailJob(jobId, "timeout"));
        var second = Assert.Single(driver.Of<JobScheduled>());

        Assert.Equal((jobId, 2, InstanceDriver.MondayMorning.AddSeconds(30)), (first.JobId, first.RetriesLeft, first.RunAt));
        Assert.Equal((1, InstanceDriver.MondayMorning.AddSeconds(60)), (second.RetriesLeft, second.RunAt));
        Assert.Empty(driver.State!.Incidents);
    }

    [Fact]
    public void FailJob_NoRetriesLeft_RaisesIncident_RetryIncidentSchedulesAgain()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Service("psb:retries=\"0\"")));

        driver.Send(new FailJob(driver.WaitId(WaitKind.Job, "sync"), "portal down"));

        var incident = Assert.Single(driver.State!.Incidents);
        Assert.Equal((IncidentKind.JobFailure, "sync"), (incident.Kind, incident.ElementId));
        Assert.Contains("portal down", incident.Message, StringComparison.Ordinal);
        Assert.Empty(driver.Waits(WaitKind.Job));

        driver.Send(new RetryIncident(incident.Id));

        Assert.Empty(driver.State!.Incidents);
        Assert.Single(driver.Of<JobScheduled>());
        driver.CompleteJob("sync");
        Assert.Equal(["after"], driver.OpenTasks());
    }

    [Fact]
    public void FailJob_WithBpmnErrorCode_IsCaughtByErrorBoundaryOnTheTask()
    {
        var definition = ExecutionFixture.Inline(
            Service(
                boundary: """<bpmn:boundaryEvent id="rejected" attachedToRef="sync"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>""",
                extraNodes: """
                    <bpmn:userTask id="handle" /><bpmn:endEvent id="end2" />
                    <bpmn:sequenceFlow id="b1" sourceRef="rejected" targetRef="handle" />
                    <bpmn:sequenceFlow id="b2" sourceRef="handle" targetRef="end2" />
                    """),
            """<bpmn:error id="err" errorCode="REJECTED" />""");
        var driver = InstanceDriver.Started(definition);

        driver.Send(new FailJob(driver.WaitId(WaitKind.Job, "sync"), "refused", "REJECTED"));

        Assert.Equal(["handle"], driver.OpenTasks());
        Assert.Empty(driver.State!.Incidents);
        Assert.Empty(driver.Waits(WaitKind.Job));
    }

    [Fact]
    public void FailJob_WithUncaughtBpmnErrorCode_RaisesIncident()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Service()));

        driver.Send(new FailJob(driver.WaitId(WaitKind.Job, "sync"), "refused", "OTHER"));

        var incident = Assert.Single(driver.State!.Incidents);
        Assert.Equal((IncidentKind.UncaughtError, "OTHER"), (incident.Kind, incident.ErrorCode));
    }

    [Fact]
    public void CompleteJob_UnknownJob_ThrowsNotFound()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Service()));

        var error = Assert.Throws<EngineCommandException>(() => driver.Send(new CompleteJob("nope")));

        Assert.Equal(CommandRejection.NotFound, error.Reason);
    }
}
