using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>References out of the file: forms, handlers and called processes, checked through the deployment.</summary>
internal static class DeploymentRules
{
    public static void Check(BpmnDocument document, ProcessDefinition process, IDeploymentContext? context, ProblemList problems)
    {
        if (context is null)
        {
            return;
        }

        foreach (var node in process.Scope.AllNodes())
        {
            switch (node)
            {
                case UserTask { FormKey: { } key } when !context.FormExists(key):
                    MissingForm(node, key, problems);
                    break;
                case StartEvent { FormKey: { } key } when !context.FormExists(key):
                    MissingForm(node, key, problems);
                    break;
                case JobActivity { HandlerType.Length: > 0 } job when !context.HandlerExists(job.HandlerType):
                    problems.Error(BpmnRules.MissingHandler, node.Id, node.ElementType,
                        $"No handler is registered for psb:type '{job.HandlerType}'.");
                    break;
                case CallActivity call when IsMissing(document, call, context):
                    problems.Error(BpmnRules.MissingCalledProcess, node.Id, node.ElementType,
                        $"The called process '{call.CalledElement}' is neither in this file nor deployed.");
                    break;
            }
        }
    }

    private static void MissingForm(FlowNode node, string key, ProblemList problems) =>
        problems.Error(BpmnRules.MissingForm, node.Id, node.ElementType, $"Form '{key}' (psb:formKey) is not deployed.");

    // A FEEL calledElement is only known at runtime.
    private static bool IsMissing(BpmnDocument document, CallActivity call, IDeploymentContext context) =>
        call.CalledElement.Length > 0
        && !call.CalledElement.StartsWith('=')
        && document.FindProcess(call.CalledElement) is not { IsExecutable: true }
        && !context.ProcessExists(call.CalledElement);
}
