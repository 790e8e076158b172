using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class UserTaskTests
{
    private static readonly string Review = """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" name="Thẩm định" psb:candidateGroups="specialist@{agency},leader" psb:assignee="=receivedBy"
                       psb:formKey="tham-dinh" psb:outcomes="approve,reject" psb:dueIn="P3D" psb:dossierStatus="4" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        """;

    [Fact]
    public void UserTask_Entered_CreatesTaskWithEvaluatedGroupsAssigneeAndWorkingDayDueDate()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Review), new { agency = "H56", receivedBy = "officer-7" });

        var task = Assert.Single(driver.Of<UserTaskCreated>());
        Assert.Equal("review", task.ElementId);
        Assert.Equal("Thẩm định", task.Name);
        Assert.Equal(["specialist@H56", "leader"], task.CandidateGroups);
        Assert.Equal("officer-7", task.Assignee);
        Assert.Equal("tham-dinh", task.FormKey);
        Assert.Equal(["approve", "reject"], task.Outcomes);
        // Monday 08:00 + 3 working days of 8 hours = Thursday 08:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(7)), task.DueAt);
        Assert.Equal(TokenWait.UserTask, Assert.Single(driver.State!.Tokens).Wait);
    }

    [Fact]
    public void UserTask_DueInCalendarBasis_CountsPlainDays()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Review.Replace("psb:dueIn=\"P3D\"", "psb:dueIn=\"P6D\" psb:calendar=\"calendar\"", StringComparison.Ordinal)),
            new { agency = "H56", receivedBy = "officer-7" });

        Assert.Equal(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.FromHours(7)), Assert.Single(driver.Of<UserTaskCreated>()).DueAt);
    }

    [Fact]
    public void UserTask_Completed_StoresOutcomeMergesVariablesAndContinues()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Review), new { agency = "H56", receivedBy = "officer-7" });
        var taskId = driver.TaskId("review");

        driver.Send(new CompleteUserTask(taskId, "approve", InstanceDriver.Json(new { note = "ok", agency = "H57" })));

        Assert.Equal("approve", driver.Variable("outcome")!.GetValue<string>());
        Assert.Equal("ok", driver.Variable("note")!.GetValue<string>());
        Assert.Equal("H57", driver.Variable("agency")!.GetValue<string>());
        var completed = Assert.Single(driver.Of<TaskCompleted>());
        Assert.Equal((taskId, "approve"), (completed.TaskId, completed.Outcome));
        Assert.Contains(driver.Of<VariableChanged>(), v => v.Name == "outcome");
        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }

    [Fact]
    public void CompleteUserTask_OutcomeNotOffered_ThrowsInvalidAndChangesNothing()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Review), new { agency = "H56", receivedBy = "officer-7" });
        var before = driver.State!.ToJson();

        var error = Assert.Throws<EngineCommandException>(() => driver.Send(new CompleteUserTask(driver.TaskId("review"), "maybe")));

        Assert.Equal(CommandRejection.Invalid, error.Reason);
        Assert.Equal(before, driver.State!.ToJson());
    }

    [Fact]
    public void CompleteUserTask_AlreadyCompleted_ThrowsNotFound()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Review.Replace("P3D", "P1D", StringComparison.Ordinal)
            .Replace("<bpmn:endEvent id=\"end\" />", "<bpmn:userTask id=\"next\" /><bpmn:endEvent id=\"end\" /><bpmn:sequenceFlow id=\"f3\" sourceRef=\"next\" targetRef=\"end\" />", StringComparison.Ordinal)
            .Replace("sourceRef=\"review\" targetRef=\"end\"", "sourceRef=\"review\" targetRef=\"next\"", StringComparison.Ordinal)),
            new { agency = "H56", receivedBy = "officer-7" });
        var taskId = driver.TaskId("review");
        driver.Send(new CompleteUserTask(taskId, "reject"));

        var error = Assert.Throws<EngineCommandException>(() => driver.Send(new CompleteUserTask(taskId, "reject")));

        Assert.Equal(CommandRejection.NotFound, error.Reason);
        Assert.Contains(taskId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserTask_CandidateGroupVariableMissing_RaisesIncidentRecoverableByRetry()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Review), new { receivedBy = "officer-7" });
        var incident = Assert.Single(driver.State!.Incidents);
        Assert.Equal("review", incident.ElementId);
        Assert.Empty(driver.OpenTasks());

        driver.Send(new RetryIncident(incident.Id, InstanceDriver.Json(new { agency = "H56" })));

        Assert.Empty(driver.State!.Incidents);
        Assert.Equal(["review"], driver.OpenTasks());
        Assert.Single(driver.Of<IncidentResolved>());
    }

    [Fact]
    public void UserTask_FeelCandidateGroups_AreEvaluated()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" psb:candidateGroups="=if fee &gt; 0 then [&quot;leader&quot;, &quot;fee-officer&quot;] else [&quot;leader&quot;]" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
            <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="end" />
            """), new { fee = 50000 });

        var task = Assert.Single(driver.Of<UserTaskCreated>());
        Assert.Equal(["leader", "fee-officer"], task.CandidateGroups);
        Assert.Null(task.Assignee);
        Assert.Null(task.DueAt);
    }
}
