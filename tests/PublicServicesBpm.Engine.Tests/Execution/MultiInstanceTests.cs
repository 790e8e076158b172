using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class MultiInstanceTests
{
    private static readonly object Agencies = new { agencies = new[] { "so-xd", "so-tnmt", "ubnd-huyen" } };

    private static string Opinion(string loop) => $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="opinion" psb:candidateGroups="specialist@{"{agency}"}">
          {loop}
        </bpmn:userTask>
        <bpmn:userTask id="summary" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="opinion" />
        <bpmn:sequenceFlow id="f2" sourceRef="opinion" targetRef="summary" />
        <bpmn:sequenceFlow id="f3" sourceRef="summary" targetRef="end" />
        """;

    [Fact]
    public void MultiInstanceParallel_UserTask_CreatesOneTaskPerItemWithElementVariableAndLoopCounter()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Opinion(
            """<bpmn:multiInstanceLoopCharacteristics psb:collection="=agencies" psb:elementVariable="agency" />""")), Agencies);

        var tasks = driver.Of<UserTaskCreated>();
        Assert.Equal(["specialist@so-xd", "specialist@so-tnmt", "specialist@ubnd-huyen"], tasks.Select(t => t.CandidateGroups.Single()));
        Assert.Equal([1, 2, 3], tasks.Select(t => t.LoopCounter!.Value));
        Assert.Equal(TokenWait.MultiInstance, Assert.Single(driver.State!.Tokens, t => t.ScopeId == "i1").Wait);
        Assert.Equal(3, driver.State.Scopes.Count(s => s.Kind == ScopeKind.MultiInstanceInner));

        foreach (var task in tasks)
        {
            Assert.DoesNotContain("summary", driver.OpenTasks());
            driver.Send(new CompleteUserTask(task.TaskId));
        }

        Assert.Equal(["summary"], driver.OpenTasks());
        Assert.DoesNotContain(driver.State!.Scopes, s => s.Kind is ScopeKind.MultiInstanceBody or ScopeKind.MultiInstanceInner);
    }

    [Fact]
    public void MultiInstanceSequential_StartsTheNextItemAfterEachCompletion()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Opinion(
            """<bpmn:multiInstanceLoopCharacteristics isSequential="true" psb:collection="=agencies" psb:elementVariable="agency" />""")), Agencies);

        Assert.Equal("specialist@so-xd", Assert.Single(driver.Of<UserTaskCreated>()).CandidateGroups.Single());
        driver.CompleteTask("opinion");
        Assert.Equal("specialist@so-tnmt", Assert.Single(driver.Of<UserTaskCreated>()).CandidateGroups.Single());
        driver.CompleteTask("opinion");
        driver.CompleteTask("opinion");

        Assert.Equal(["summary"], driver.OpenTasks());
    }

    [Fact]
    public void MultiInstance_CompletionConditionMet_CancelsRemainingInstances()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Opinion("""
            <bpmn:multiInstanceLoopCharacteristics psb:collection="=agencies" psb:elementVariable="agency">
              <bpmn:completionCondition>=nrOfCompletedInstances / nrOfInstances &gt;= 0.5</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics>
            """)), Agencies);

        driver.CompleteTask("opinion");
        Assert.Equal(2, driver.OpenTasks().Count);
        driver.CompleteTask("opinion");

        Assert.Equal(["summary"], driver.OpenTasks());
        Assert.Single(driver.Of<UserTaskCancelled>());
    }

    [Fact]
    public void MultiInstance_EmptyCollection_SkipsTheActivity()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Opinion(
            """<bpmn:multiInstanceLoopCharacteristics psb:collection="=agencies" psb:elementVariable="agency" />""")), new { agencies = Array.Empty<string>() });

        Assert.Equal(["summary"], driver.OpenTasks());
    }

    [Fact]
    public void MultiInstance_CollectionNotAList_RaisesIncident()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Opinion(
            """<bpmn:multiInstanceLoopCharacteristics psb:collection="=agencies" psb:elementVariable="agency" />""")));

        Assert.Equal("opinion", Assert.Single(driver.State!.Incidents).ElementId);
    }

    [Fact]
    public void MultiInstance_TaskVariables_WriteTheElementVariableLocallyAndOthersAtProcessLevel()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Opinion(
            """<bpmn:multiInstanceLoopCharacteristics psb:collection="=agencies" psb:elementVariable="agency" />""")), Agencies);

        driver.CompleteTask("opinion", variables: new { agency = "changed", lastOpinion = "ok" });

        Assert.Equal("ok", driver.Variable("lastOpinion")!.GetValue<string>());
        Assert.Null(driver.Variable("agency"));
        Assert.Contains(driver.Of<VariableChanged>(), v => v.Name == "agency" && v.ScopeId != "i1");
    }

    [Fact]
    public void MultiInstanceSubProcess_ErrorInOneInstance_CaughtByBoundaryOnTheBody()
    {
        var definition = ExecutionFixture.File("consultation.bpmn");
        var driver = InstanceDriver.Started(definition, new { dossierCode = "H56-1", receivingAgency = "000.17.22.H56", consultedAgencies = new[] { "a", "b", "c" } });
        Assert.Equal(3, driver.Waits(WaitKind.Job).Count);
        Assert.Single(driver.Of<DossierStatusChanged>());

        foreach (var job in driver.Waits(WaitKind.Job))
        {
            driver.Send(new CompleteJob(job.Id));
        }

        Assert.Equal(["H56-1/a", "H56-1/b", "H56-1/c"], driver.Waits(WaitKind.Message).Select(w => w.CorrelationKey));
        driver.Send(new CorrelateMessage("agency-opinion", "H56-1/b", InstanceDriver.Json(new { opinion = "object" })));

        Assert.Equal(["handleObjection"], driver.OpenTasks());
        Assert.Empty(driver.Waits(WaitKind.Message));
        Assert.Empty(driver.Waits(WaitKind.Timer));
        Assert.Equal(["specialist", "leader@000.17.22.H56"], Assert.Single(driver.Of<UserTaskCreated>()).CandidateGroups);
    }

    [Fact]
    public void MultiInstanceSubProcess_AllAgree_ContinuesAfterTheBodyAndStopsTheReminder()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.File("consultation.bpmn"),
            new { dossierCode = "H56-2", receivingAgency = "000.17.22.H56", consultedAgencies = new[] { "a", "b" } });
        driver.FireTimer("dailyReminder");
        Assert.Equal(3, driver.Waits(WaitKind.Job).Count); // two letters and one reminder
        foreach (var job in driver.Waits(WaitKind.Job))
        {
            driver.Send(new CompleteJob(job.Id));
        }

        driver.Send(new CorrelateMessage("agency-opinion", "H56-2/a", InstanceDriver.Json(new { opinion = "agree" })));
        driver.Send(new CorrelateMessage("agency-opinion", "H56-2/b", InstanceDriver.Json(new { opinion = "agree" })));

        Assert.Equal(["summary"], driver.OpenTasks());
        Assert.Equal("dailyReminder", Assert.Single(driver.Of<TimerCancelled>()).ElementId);
        Assert.Equal(["summary"], driver.TokenPositions());
        Assert.Equal(["i1"], driver.State!.Scopes.Select(s => s.Id));
    }

    [Fact]
    public void MultiInstanceCallActivity_RequestsOneChildPerItem()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="register" calledElement="dang-ky-ho-kinh-doanh">
              <bpmn:multiInstanceLoopCharacteristics psb:collection="=households" psb:elementVariable="household" />
            </bpmn:callActivity>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="register" />
            <bpmn:sequenceFlow id="f2" sourceRef="register" targetRef="end" />
            """), new { households = new[] { "h1", "h2" } });

        var calls = driver.Of<CallActivityRequested>();
        Assert.Equal(["h1", "h2"], calls.Select(c => c.Variables["household"]!.GetValue<string>()));
        foreach (var call in calls)
        {
            driver.Send(new CompleteCallActivity(call.CallId));
        }

        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }

    [Fact]
    public void InterruptingTimerBoundary_OnMultiInstanceTask_OpensOnceAndCancelsEveryInnerInstance()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Opinion(
            """<bpmn:multiInstanceLoopCharacteristics psb:collection="=agencies" psb:elementVariable="agency" />""")
            .Replace("<bpmn:userTask id=\"summary\" />", """
                <bpmn:boundaryEvent id="late" attachedToRef="opinion">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:endEvent id="lateEnd" />
                <bpmn:sequenceFlow id="f4" sourceRef="late" targetRef="lateEnd" />
                <bpmn:userTask id="summary" />
                """, StringComparison.Ordinal)), Agencies);
        Assert.Single(driver.Of<TimerScheduled>());
        driver.CompleteTask("opinion");

        driver.FireTimer("late");

        Assert.Equal(2, driver.Of<UserTaskCancelled>().Count);
        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }
}
