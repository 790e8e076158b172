using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class GatewayTests
{
    private static readonly string Decision = """
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" default="fDefault" />
        <bpmn:userTask id="big" />
        <bpmn:userTask id="alsoBig" />
        <bpmn:userTask id="small" />
        <bpmn:endEvent id="e1" />
        <bpmn:endEvent id="e2" />
        <bpmn:endEvent id="e3" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
        <bpmn:sequenceFlow id="fBig" sourceRef="gw" targetRef="big"><bpmn:conditionExpression>=area &gt; 100</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="fAlsoBig" sourceRef="gw" targetRef="alsoBig"><bpmn:conditionExpression>=area &gt; 50</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="fDefault" sourceRef="gw" targetRef="small" />
        <bpmn:sequenceFlow id="x1" sourceRef="big" targetRef="e1" />
        <bpmn:sequenceFlow id="x2" sourceRef="alsoBig" targetRef="e2" />
        <bpmn:sequenceFlow id="x3" sourceRef="small" targetRef="e3" />
        """;

    [Theory]
    [InlineData(150, "big")] // both conditions are true: the first in document order wins
    [InlineData(70, "alsoBig")]
    [InlineData(10, "small")] // none true: the default flow
    public void ExclusiveGateway_ConditionsInDocumentOrder_FirstTrueWinsElseDefault(int area, string expected)
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Decision), new { area });

        Assert.Equal([expected], driver.OpenTasks());
    }

    [Fact]
    public void ExclusiveGateway_NullCondition_CountsAsFalse()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline(Decision));

        Assert.Equal(["small"], driver.OpenTasks());
    }

    [Fact]
    public void ExclusiveGateway_NoConditionTrueAndNoDefault_RaisesIncidentRetriedAfterVariablesAreFixed()
    {
        var definition = ExecutionFixture.Inline(Decision.Replace(" default=\"fDefault\"", string.Empty, StringComparison.Ordinal)
            .Replace("<bpmn:sequenceFlow id=\"fDefault\" sourceRef=\"gw\" targetRef=\"small\" />",
                "<bpmn:sequenceFlow id=\"fDefault\" sourceRef=\"gw\" targetRef=\"small\"><bpmn:conditionExpression>=area &lt; 0</bpmn:conditionExpression></bpmn:sequenceFlow>", StringComparison.Ordinal));
        var driver = InstanceDriver.Started(definition, new { area = 10 });

        var incident = Assert.Single(driver.State!.Incidents);
        Assert.Equal(("gw", IncidentKind.ElementFailure), (incident.ElementId, incident.Kind));
        Assert.Equal(TokenWait.Incident, Assert.Single(driver.State.Tokens).Wait);
        Assert.Equal("gw", Assert.Single(driver.Of<IncidentRaised>()).ElementId);

        driver.Send(new RetryIncident(incident.Id, InstanceDriver.Json(new { area = 120 })));

        Assert.Empty(driver.State!.Incidents);
        Assert.Equal(["big"], driver.OpenTasks());
    }

    [Fact]
    public void ParallelJoin_FiresOnlyWhenEveryIncomingFlowHasAToken()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" />
            <bpmn:userTask id="b" />
            <bpmn:parallelGateway id="join" />
            <bpmn:userTask id="after" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
            <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="join" />
            <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="join" />
            <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="after" />
            <bpmn:sequenceFlow id="f7" sourceRef="after" targetRef="end" />
            """));
        Assert.Equal(["a", "b"], driver.OpenTasks());

        driver.CompleteTask("b");

        Assert.Equal(["a"], driver.OpenTasks());
        var waiting = Assert.Single(driver.State!.Tokens, t => t.ElementId == "join");
        Assert.Equal((TokenWait.Join, "f5"), (waiting.Wait, waiting.ArrivedVia));

        driver.CompleteTask("a");

        Assert.Equal(["after"], driver.OpenTasks());
        Assert.Single(driver.State!.Tokens);
    }

    [Fact]
    public void ParallelBranch_LoopBackBeforeTheJoin_JoinsOnce()
    {
        var driver = InstanceDriver.Started(ExecutionFixture.Inline("""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:exclusiveGateway id="again" />
            <bpmn:userTask id="a" />
            <bpmn:exclusiveGateway id="check" default="done" />
            <bpmn:userTask id="b" />
            <bpmn:parallelGateway id="join" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="again" />
            <bpmn:sequenceFlow id="f3" sourceRef="again" targetRef="a" />
            <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="check" />
            <bpmn:sequenceFlow id="loop" sourceRef="check" targetRef="again"><bpmn:conditionExpression>=redo</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="done" sourceRef="check" targetRef="join" />
            <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="b" />
            <bpmn:sequenceFlow id="f6" sourceRef="b" targetRef="join" />
            <bpmn:sequenceFlow id="f7" sourceRef="join" targetRef="end" />
            """));

        driver.CompleteTask("a", variables: new { redo = true });
        Assert.Equal(["b", "a"], driver.OpenTasks());
        driver.CompleteTask("b");
        driver.CompleteTask("a", variables: new { redo = false });

        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }

    [Fact]
    public void ParallelJoin_SecondTokenOnSameFlow_WaitsForTheNextRound()
    {
        // Hand-built (the validator refuses this shape): b and c both reach the join over flow "mj".
        FlowNode[] nodes =
        [
            new StartEvent { Id = "start" }, new ParallelGateway { Id = "fork" },
            new UserTask { Id = "a" }, new UserTask { Id = "b" }, new UserTask { Id = "c" },
            new ExclusiveGateway { Id = "merge" }, new ParallelGateway { Id = "join" },
            new UserTask { Id = "after" }, new EndEvent { Id = "end" },
        ];
        SequenceFlow[] flows =
        [
            new("s", null, "start", "fork", null), new("fa", null, "fork", "a", null), new("fb", null, "fork", "b", null),
            new("fc", null, "fork", "c", null), new("aj", null, "a", "join", null), new("bm", null, "b", "merge", null),
            new("cm", null, "c", "merge", null), new("mj", null, "merge", "join", null), new("ja", null, "join", "after", null),
            new("ae", null, "after", "end", null),
        ];
        var driver = InstanceDriver.Started(new ProcessDefinition("p", null, true, new FlowScope("p", nodes, flows), []));

        driver.CompleteTask("b");
        driver.CompleteTask("c");

        Assert.Equal(2, driver.State!.Tokens.Count(t => t.Wait == TokenWait.Join));

        driver.CompleteTask("a");

        Assert.Equal(["after"], driver.OpenTasks());
        var leftOver = Assert.Single(driver.State!.Tokens, t => t.Wait == TokenWait.Join);
        Assert.Equal("mj", leftOver.ArrivedVia);
    }
}
