using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class StartEndTests
{
    [Fact]
    public void NoneStartToNoneEnd_WithoutWaitState_CompletesInstance()
    {
        var definition = ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:manualTask id="archive" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="archive" />
            <bpmn:sequenceFlow id="f2" sourceRef="archive" targetRef="end" />
            """);

        var driver = InstanceDriver.Started(definition, new { dossierCode = "H56-1" });

        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
        Assert.Empty(driver.State.Tokens);
        Assert.Empty(driver.State.Scopes);
        Assert.Equal("H56-1", driver.Variable("dossierCode")!.GetValue<string>());
        Assert.Equal(["p", "start", "archive", "end"], driver.Of<ElementEntered>().Select(e => e.ElementId));
        Assert.Equal(InstanceStatus.Completed, Assert.Single(driver.Of<InstanceEnded>()).Status);
    }

    [Fact]
    public void NoneEnd_WithOtherTokensLeft_InstanceStaysActiveUntilLastTokenEnds()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="a" />
            <bpmn:boundaryEvent id="late" attachedToRef="a" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="remind" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="endRemind" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a" />
            <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="remind" />
            <bpmn:sequenceFlow id="f4" sourceRef="remind" targetRef="endRemind" />
            """));
        driver.FireTimer("late");

        driver.CompleteTask("a");

        Assert.Equal(InstanceStatus.Active, driver.State!.Status);
        Assert.Equal(["remind"], driver.OpenTasks());

        driver.CompleteTask("remind");

        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }

    [Fact]
    public void TerminateEnd_AtTopLevel_EndsWholeInstanceAndCancelsOtherWork()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(ParallelWithTerminate));

        driver.CompleteTask("a", variables: new { kill = true });

        Assert.Equal(InstanceStatus.Terminated, driver.State!.Status);
        Assert.Empty(driver.State.Tokens);
        Assert.Empty(driver.State.Waits);
        Assert.Equal("b", Assert.Single(driver.Of<UserTaskCancelled>()).ElementId);
        Assert.Equal(InstanceStatus.Terminated, Assert.Single(driver.Of<InstanceEnded>()).Status);
    }

    [Fact]
    public void TerminateEnd_InSubProcess_EndsOnlyTheSubProcess()
    {
        var definition = ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
            """ + ParallelWithTerminate.Replace("\"start\"", "\"s0\"", StringComparison.Ordinal).Replace("\"end\"", "\"sEnd\"", StringComparison.Ordinal)
                .Replace("sequenceFlow id=\"f", "sequenceFlow id=\"s", StringComparison.Ordinal).Replace("default=\"f5\"", "default=\"s5\"", StringComparison.Ordinal) + """
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="after" />
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
            """);
        var driver = InstanceDriver.Started(definition);

        driver.CompleteTask("a", variables: new { kill = true });

        Assert.Equal(InstanceStatus.Active, driver.State!.Status);
        Assert.Equal(["after"], driver.OpenTasks());
        Assert.Equal("b", Assert.Single(driver.Of<UserTaskCancelled>()).ElementId);
    }

    /// <summary>start → fork → a → (kill? terminate : join), fork → b → join → end.</summary>
    private const string ParallelWithTerminate = """
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:userTask id="a" />
        <bpmn:userTask id="b" />
        <bpmn:exclusiveGateway id="check" default="f5" />
        <bpmn:endEvent id="killed"><bpmn:terminateEventDefinition /></bpmn:endEvent>
        <bpmn:parallelGateway id="join" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
        <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a" />
        <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
        <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="check" />
        <bpmn:sequenceFlow id="f5" sourceRef="check" targetRef="join" />
        <bpmn:sequenceFlow id="f6" sourceRef="check" targetRef="killed"><bpmn:conditionExpression>=kill</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f7" sourceRef="b" targetRef="join" />
        <bpmn:sequenceFlow id="f8" sourceRef="join" targetRef="end" />
        """;
}
