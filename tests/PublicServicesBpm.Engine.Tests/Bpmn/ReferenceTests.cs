using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class ReferenceTests
{
    [Fact]
    public void Import_UnknownMessageRef_ReportedOnCatchEvent()
    {
        var xml = BpmnFixture.Linear("wait", "<bpmn:intermediateCatchEvent id=\"wait\" psb:correlationKey=\"=code\"><bpmn:messageEventDefinition messageRef=\"ghost\" /></bpmn:intermediateCatchEvent>");

        Assert.Equal("messageRef 'ghost' does not name a message declared in the definitions.", BpmnFixture.Import(xml).Single(BpmnRules.Reference, "wait").Message);
    }

    [Fact]
    public void Import_ReceiveTaskWithoutMessageRef_Reported()
    {
        var xml = BpmnFixture.Linear("wait", "<bpmn:receiveTask id=\"wait\" psb:correlationKey=\"=code\" />");

        Assert.StartsWith("The message wait needs a messageRef", BpmnFixture.Import(xml).Single(BpmnRules.Reference, "wait").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MessageWithoutName_ReportedOnMessage()
    {
        var xml = BpmnFixture.Linear("wait", "<bpmn:receiveTask id=\"wait\" messageRef=\"m\" psb:correlationKey=\"=code\" />", "<bpmn:message id=\"m\" />");

        Assert.Equal("message", BpmnFixture.Import(xml).Single(BpmnRules.Reference, "m").ElementType);
    }

    [Fact]
    public void Import_MessageWaitWithoutCorrelationKey_Warning()
    {
        var xml = BpmnFixture.Linear("wait", "<bpmn:receiveTask id=\"wait\" messageRef=\"m\" />", "<bpmn:message id=\"m\" name=\"paid\" />");

        var result = BpmnFixture.Import(xml);

        Assert.True(result.IsValid);
        Assert.Equal(BpmnProblemSeverity.Warning, result.Single(BpmnRules.NoCorrelationKey, "wait").Severity);
    }

    [Fact]
    public void Import_ErrorEndWithoutErrorRef_Reported()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="fail"><bpmn:errorEventDefinition /></bpmn:endEvent>
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="fail" />
            """);

        Assert.Equal("An error end event needs an errorRef naming the error it throws.", BpmnFixture.Import(xml).Single(BpmnRules.Reference, "fail").Message);
    }

    [Fact]
    public void Import_UnknownErrorRefAndErrorWithoutCode_Reported()
    {
        var xml = BpmnFixture.Process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="ghost" /></bpmn:endEvent>
            <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="fail" />
            """,
            "<bpmn:error id=\"nocode\" name=\"Lỗi\" />");

        var result = BpmnFixture.Import(xml);

        Assert.Equal("errorRef 'ghost' does not name an error declared in the definitions.", result.Single(BpmnRules.Reference, "fail").Message);
        Assert.StartsWith("An error needs an errorCode", result.Single(BpmnRules.Reference, "nocode").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CallActivityWithoutCalledElement_Reported()
    {
        var xml = BpmnFixture.Linear("call", "<bpmn:callActivity id=\"call\" />");

        Assert.Equal("A call activity needs calledElement: the key of the process to call.", BpmnFixture.Import(xml).Single(BpmnRules.Reference, "call").Message);
    }
}
