using System.Text.Json;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

/// <summary>The promises of <see cref="ProcessInterpreter"/> as a whole: determinism, serializable state, clear rejections.</summary>
public sealed class InterpreterContractTests
{
    private static readonly string TwoTasks = """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="receive" psb:dossierStatus="2" psb:dueIn="P1D" />
        <bpmn:userTask id="approve" psb:outcomes="approve,reject" />
        <bpmn:endEvent id="end" psb:dossierStatus="9" />
        <bpmn:boundaryEvent id="late" attachedToRef="approve" cancelActivity="false">
          <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:userTask id="remind" />
        <bpmn:endEvent id="end2" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="receive" />
        <bpmn:sequenceFlow id="f2" sourceRef="receive" targetRef="approve" />
        <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
        <bpmn:sequenceFlow id="f4" sourceRef="late" targetRef="remind" />
        <bpmn:sequenceFlow id="f5" sourceRef="remind" targetRef="end2" />
        """;

    [Fact]
    public void Execute_SameInputs_GiveTheSameOutputs()
    {
        var first = Run();
        var second = Run();

        Assert.Equal(first, second);

        static string Run()
        {
            var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks), new { a = 1 });
            var log = new List<object>(driver.Effects);
            log.AddRange(driver.CompleteTask("receive", variables: new { b = "x" }));
            log.AddRange(driver.FireTimer("late"));
            return driver.State!.ToJson() + JsonSerializer.Serialize(log);
        }
    }

    [Fact]
    public void State_RoundTripsThroughJson_AndExecutionContinuesIdentically()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks), new { a = 1, nested = new { list = new[] { 1, 2 } } });
        driver.CompleteTask("receive");
        var state = driver.State!;

        var json = state.ToJson();
        var restored = ProcessInstanceState.FromJson(json);

        Assert.Equal(json, restored.ToJson());
        Assert.Contains("\"status\":\"Active\"", json, StringComparison.Ordinal);
        var command = new CompleteUserTask(driver.TaskId("approve"), "approve");
        var fromOriginal = ProcessInterpreter.Execute(driver.Definition, state, command, driver.Environment);
        var fromRestored = ProcessInterpreter.Execute(driver.Definition, restored, command, driver.Environment);
        Assert.Equal(fromOriginal.State.ToJson(), fromRestored.State.ToJson());
        Assert.Equal(JsonSerializer.Serialize<object[]>([.. fromOriginal.Effects]), JsonSerializer.Serialize<object[]>([.. fromRestored.Effects]));
    }

    [Fact]
    public void Execute_NeverChangesTheGivenState()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks), new { a = 1 });
        var state = driver.State!;
        var before = state.ToJson();

        driver.CompleteTask("receive", variables: new { a = 2 });

        Assert.Equal(before, state.ToJson());
    }

    [Fact]
    public void Ids_AreDerivedFromTheInstanceIdAndTheCounter()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks));

        Assert.All(driver.State!.Tokens, t => Assert.StartsWith("i1:", t.Id, StringComparison.Ordinal));
        Assert.Equal("i1:task2", driver.TaskId("receive"));
        Assert.Equal(2, driver.State.Sequence);
    }

    [Fact]
    public void HistoryAndEffects_CarryTheInjectedClock()
    {
        var driver = new InstanceDriver(ExecutionFixture.Inline(TwoTasks));
        driver.Clock.Advance(TimeSpan.FromMinutes(5));

        driver.Start();

        Assert.All(driver.Effects.OfType<HistoryEvent>(), e => Assert.Equal(InstanceDriver.MondayMorning.AddMinutes(5), e.At));
    }

    [Fact]
    public void DossierStatus_TokenEntersNode_EmitsStatusChanged()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks));
        Assert.Equal((2, "receive"), (Assert.Single(driver.Of<DossierStatusChanged>()).Code, driver.Of<DossierStatusChanged>()[0].ElementId));

        driver.CompleteTask("receive");
        Assert.Empty(driver.Of<DossierStatusChanged>());
        driver.CompleteTask("approve", "approve");

        Assert.Equal(9, Assert.Single(driver.Of<DossierStatusChanged>()).Code);
    }

    [Fact]
    public void Command_OnEndedInstance_ThrowsConflict()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks));
        driver.Send(new CancelInstance("applicant withdrew"));

        var error = Assert.Throws<EngineCommandException>(() => driver.Send(new CompleteUserTask("i1:task2")));

        Assert.Equal(CommandRejection.Conflict, error.Reason);
    }

    [Fact]
    public void StartInstance_OnExistingState_ThrowsConflict()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks));

        Assert.Equal(CommandRejection.Conflict, Assert.Throws<EngineCommandException>(() => driver.Start()).Reason);
    }

    [Fact]
    public void CancelInstance_ClosesEveryWaitAndEndsCancelled()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks));
        driver.CompleteTask("receive");

        driver.Send(new CancelInstance("applicant withdrew"));

        Assert.Equal(InstanceStatus.Cancelled, driver.State!.Status);
        Assert.Empty(driver.State.Tokens);
        Assert.Empty(driver.State.Waits);
        Assert.Single(driver.Of<UserTaskCancelled>());
        Assert.Single(driver.Of<TimerCancelled>());
        Assert.Equal("applicant withdrew", Assert.Single(driver.Of<InstanceEnded>()).Reason);
    }

    [Fact]
    public void SuspendedInstance_RejectsCommandsUntilResumed()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks));
        var taskId = driver.TaskId("receive");
        driver.Send(new SuspendInstance());

        Assert.Equal(InstanceStatus.Suspended, driver.State!.Status);
        Assert.Equal(CommandRejection.Conflict, Assert.Throws<EngineCommandException>(() => driver.Send(new CompleteUserTask(taskId))).Reason);

        driver.Send(new ResumeInstance());
        driver.Send(new CompleteUserTask(taskId));

        Assert.Equal(["approve"], driver.OpenTasks());
    }

    [Fact]
    public void EndlessLoopWithoutWaitState_HitsTheStepLimit_RaisesIncidentInsteadOfHanging()
    {
        var definition = ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="merge" />
            <bpmn:manualTask id="work" />
            <bpmn:exclusiveGateway id="again" default="out" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="merge" />
            <bpmn:sequenceFlow id="f2" sourceRef="merge" targetRef="work" />
            <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="again" />
            <bpmn:sequenceFlow id="loop" sourceRef="again" targetRef="merge"><bpmn:conditionExpression>=forever</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="out" sourceRef="again" targetRef="end" />
            """);
        var driver = new InstanceDriver(definition, stepLimit: 50);

        driver.Start(new { forever = true });

        var incident = Assert.Single(driver.State!.Incidents);
        Assert.Equal(IncidentKind.StepLimit, incident.Kind);
        Assert.Equal(50, driver.Of<ElementEntered>().Count(e => e.ElementId != "p"));

        driver.Send(new RetryIncident(incident.Id, InstanceDriver.Json(new { forever = false })));

        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }

    [Fact]
    public void RetryIncident_UnknownIncident_ThrowsNotFound()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(TwoTasks));

        Assert.Equal(CommandRejection.NotFound, Assert.Throws<EngineCommandException>(() => driver.Send(new RetryIncident("i1:incident99"))).Reason);
    }

    [Fact]
    public void Command_WithoutState_ThrowsNotFound()
    {
        var driver = new InstanceDriver(ExecutionFixture.Inline(TwoTasks));

        Assert.Equal(CommandRejection.NotFound, Assert.Throws<EngineCommandException>(() => driver.Send(new FireTimer("x"))).Reason);
    }
}
