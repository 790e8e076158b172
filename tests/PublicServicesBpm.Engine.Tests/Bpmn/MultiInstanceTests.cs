using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class MultiInstanceTests
{
    private static BpmnImportResult Import(string host, string characteristics) =>
        BpmnFixture.Import(BpmnFixture.Linear("t", $"<bpmn:{host} id=\"t\" psb:type=\"x\" calledElement=\"c\">{characteristics}</bpmn:{host}>"));

    [Fact]
    public void Import_MultiInstanceOnServiceTask_Rejected()
    {
        var problem = Import("serviceTask", "<bpmn:multiInstanceLoopCharacteristics psb:collection=\"=items\" psb:elementVariable=\"item\" />")
            .Single(BpmnRules.MultiInstance, "t");

        Assert.Equal("Multi-instance is supported on userTask, callActivity and subProcess only.", problem.Message);
    }

    [Fact]
    public void Import_MultiInstanceWithoutCollection_Rejected()
    {
        var result = Import("userTask", "<bpmn:multiInstanceLoopCharacteristics psb:elementVariable=\"item\" />");

        Assert.Equal("Multi-instance needs psb:collection: the FEEL list to iterate.", result.Single(BpmnRules.MultiInstance, "t").Message);
    }

    [Fact]
    public void Import_MultiInstanceWithLoopCardinality_Rejected()
    {
        var result = Import("userTask", "<bpmn:multiInstanceLoopCharacteristics psb:collection=\"=a\" psb:elementVariable=\"i\"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>");

        Assert.StartsWith("'loopCardinality' in multi-instance is not supported", result.Single(BpmnRules.MultiInstance, "t").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MultiInstanceWithoutElementVariable_Warning()
    {
        var result = Import("callActivity", "<bpmn:multiInstanceLoopCharacteristics psb:collection=\"=agencies\" />");

        Assert.True(result.IsValid);
        Assert.Equal(BpmnProblemSeverity.Warning, result.Single(BpmnRules.MultiInstance, "t").Severity);
    }

    [Fact]
    public void Import_InvalidElementVariable_ReportedOnActivity()
    {
        var result = Import("userTask", "<bpmn:multiInstanceLoopCharacteristics psb:collection=\"=a\" psb:elementVariable=\"my item\" />");

        Assert.Equal("psb:elementVariable must be a variable name (letters, digits, '_'), not 'my item'.", result.Single(BpmnRules.ExtensionAttribute, "t").Message);
    }

    [Fact]
    public void Import_EmptyCompletionCondition_Reported()
    {
        var result = Import("userTask", "<bpmn:multiInstanceLoopCharacteristics psb:collection=\"=a\" psb:elementVariable=\"i\"><bpmn:completionCondition> </bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>");

        Assert.Equal("The multi-instance completionCondition is empty.", result.Single(BpmnRules.Condition, "t").Message);
    }
}
