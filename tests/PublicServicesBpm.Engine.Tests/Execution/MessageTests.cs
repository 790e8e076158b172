using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Engine.Tests.Execution;

public sealed class MessageTests
{
    private const string Declarations = """<bpmn:message id="msg" name="supplement-received" />""";

    private static string Linear(string middle) => $"""
        <bpmn:startEvent id="start" />
        {middle}
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="after" />
        <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
        """;

    [Fact]
    public void ReceiveTask_Entered_OpensSubscriptionWithCorrelationKeyEvaluatedAtOpen()
    {
        var driver = InstanceDriver.Started(
            ExecutionFixture.Inline(Linear("""<bpmn:receiveTask id="wait" messageRef="msg" psb:correlationKey="=dossierCode" />"""), Declarations),
            new { dossierCode = "H56-0001" });

        var opened = Assert.Single(driver.Of<SubscriptionOpened>());
        Assert.Equal(("wait", "supplement-received", "H56-0001"), (opened.ElementId, opened.MessageName, opened.CorrelationKey));
        Assert.Equal(TokenWait.Message, Assert.Single(driver.State!.Tokens).Wait);

        // Changing the variable later does not move the subscription: the key was fixed when it opened.
        driver.Send(new CorrelateMessage("supplement-received", "H56-0001", InstanceDriver.Json(new { pages = 3 })));

        Assert.Equal(["after"], driver.OpenTasks());
        Assert.Equal(3, driver.Variable("pages")!.GetValue<int>());
        Assert.Single(driver.Of<MessageReceived>());
    }

    [Fact]
    public void MessageCatchEvent_CorrelatedByNameAndKey_Continues()
    {
        var driver = InstanceDriver.Started(
            ExecutionFixture.Inline(Linear("""
                <bpmn:intermediateCatchEvent id="wait" psb:correlationKey="=dossierCode">
                  <bpmn:messageEventDefinition messageRef="msg" />
                </bpmn:intermediateCatchEvent>
                """), Declarations),
            new { dossierCode = "H56-0002" });

        driver.Send(new CorrelateMessage("supplement-received", "H56-0002"));

        Assert.Equal(["after"], driver.OpenTasks());
        Assert.Empty(driver.Waits(WaitKind.Message));
    }

    [Theory]
    [InlineData("supplement-received", "H56-9999")]
    [InlineData("other-message", "H56-0001")]
    public void CorrelateMessage_NoMatchingSubscription_ThrowsNotFound(string name, string key)
    {
        var driver = InstanceDriver.Started(
            ExecutionFixture.Inline(Linear("""<bpmn:receiveTask id="wait" messageRef="msg" psb:correlationKey="=dossierCode" />"""), Declarations),
            new { dossierCode = "H56-0001" });

        var error = Assert.Throws<EngineCommandException>(() => driver.Send(new CorrelateMessage(name, key)));

        Assert.Equal(CommandRejection.NotFound, error.Reason);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Single(driver.Waits(WaitKind.Message));
    }
}
