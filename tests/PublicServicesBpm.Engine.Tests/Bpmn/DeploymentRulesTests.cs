using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class DeploymentRulesTests
{
    private static readonly string Xml = BpmnFixture.Process(
        """
        <bpmn:startEvent id="start" psb:formKey="start-form" />
        <bpmn:userTask id="review" psb:formKey="review-form" />
        <bpmn:serviceTask id="tax" psb:type="tax.requestCode" />
        <bpmn:callActivity id="callOther" calledElement="other-procedure" />
        <bpmn:callActivity id="callSelf" calledElement="p" />
        <bpmn:callActivity id="callDynamic" calledElement="=procedureKey" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="tax" />
        <bpmn:sequenceFlow id="f3" sourceRef="tax" targetRef="callOther" />
        <bpmn:sequenceFlow id="f4" sourceRef="callOther" targetRef="callSelf" />
        <bpmn:sequenceFlow id="f5" sourceRef="callSelf" targetRef="callDynamic" />
        <bpmn:sequenceFlow id="f6" sourceRef="callDynamic" targetRef="end" />
        """);

    [Fact]
    public void Import_NothingDeployed_ReportsMissingFormsHandlerAndCalledProcess()
    {
        var result = BpmnFixture.Import(Xml, new Deployment());

        Assert.Equal("Form 'start-form' (psb:formKey) is not deployed.", result.Single(BpmnRules.MissingForm, "start").Message);
        result.Single(BpmnRules.MissingForm, "review");
        Assert.Equal("No handler is registered for psb:type 'tax.requestCode'.", result.Single(BpmnRules.MissingHandler, "tax").Message);
        Assert.Equal("The called process 'other-procedure' is neither in this file nor deployed.", result.Single(BpmnRules.MissingCalledProcess, "callOther").Message);
        Assert.DoesNotContain(result.Problems, p => p.ElementId is "callSelf" or "callDynamic");
    }

    [Fact]
    public void Import_EverythingDeployed_Valid()
    {
        var deployment = new Deployment(["start-form", "review-form"], ["tax.requestCode"], ["other-procedure"]);

        Assert.Empty(BpmnFixture.Import(Xml, deployment).Problems);
    }

    [Fact]
    public void Import_WithoutContext_SkipsDeploymentChecks()
    {
        Assert.Empty(BpmnFixture.Import(Xml).Problems);
    }

    [Fact]
    public void Import_ContextThatThrows_RefusedWithImportFailure()
    {
        var result = BpmnFixture.Import(Xml, new BrokenDeployment());

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(BpmnRules.ImportFailure, problem.Code);
        Assert.Contains("InvalidOperationException: form store unavailable", problem.Message, StringComparison.Ordinal);
    }

    private sealed class BrokenDeployment : IDeploymentContext
    {
        public bool FormExists(string formKey) => throw new InvalidOperationException("form store unavailable");

        public bool HandlerExists(string handlerType) => true;

        public bool ProcessExists(string processKey) => true;
    }

    private sealed class Deployment(string[]? forms = null, string[]? handlers = null, string[]? processes = null) : IDeploymentContext
    {
        public bool FormExists(string formKey) => forms?.Contains(formKey) == true;

        public bool HandlerExists(string handlerType) => handlers?.Contains(handlerType) == true;

        public bool ProcessExists(string processKey) => processes?.Contains(processKey) == true;
    }
}
