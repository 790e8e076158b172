using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>What the workflows name outside themselves exists: forms in forms/, officer roles, service-task handlers.</summary>
public sealed class CrossReferenceTests
{
    /// <summary>
    /// The psb:type names the host registers (tests/PublicServicesBpm.IntegrationTests/Integrations/Tax checks the
    /// host's registry holds them). A workflow naming another type would be refused at deployment.
    /// </summary>
    private static readonly HashSet<string> s_hostHandlerTypes = ["dossier.receive", "tax.household-tax-code"];

    [Fact]
    public void Workflows_ImportedWithTheRepositoryContext_FormsHandlersAndCalledProcessesResolve()
    {
        var context = new RepositoryContext();
        var failures = new List<string>();
        foreach (var key in RepositoryDefinitions.WorkflowKeys)
        {
            var result = BpmnImporter.Import(File.ReadAllText(Path.Combine(RepositoryDefinitions.WorkflowsDirectory, key, key + ".bpmn")), context);
            failures.AddRange(result.Errors.Select(e => $"{key}: {e}"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void RepositoryContext_UnknownFormOrHandler_IsAnError()
    {
        const string Bpmn = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="d" targetNamespace="urn:t">
              <bpmn:process id="p" isExecutable="true">
                <bpmn:startEvent id="s" />
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
                <bpmn:userTask id="t" psb:formKey="khong-co-mau" psb:candidateGroups="specialist" />
                <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="j" />
                <bpmn:serviceTask id="j" psb:type="tax.unknown" />
                <bpmn:sequenceFlow id="f3" sourceRef="j" targetRef="e" />
                <bpmn:endEvent id="e" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var codes = BpmnImporter.Import(Bpmn, new RepositoryContext()).Errors.Select(e => e.Code).ToList();

        Assert.Contains("missing-form", codes);
        Assert.Contains("missing-handler", codes);
    }

    [Fact]
    public void Workflows_EveryUserTask_HasCandidateGroupsThatAreOfficerRoles()
    {
        var failures = new List<string>();
        foreach (var key in RepositoryDefinitions.WorkflowKeys)
        {
            foreach (var task in WorkflowRun.Load(key).Scope.AllNodes().OfType<UserTask>())
            {
                var groups = task.CandidateGroups?.Groups ?? [];
                if (groups.Count == 0)
                {
                    failures.Add($"{key}/{task.Id}: no candidate groups (neither its own nor its lane's)");
                }
                // A group may be scoped to an agency ("specialist@{agency}"): the role is the part before '@'.
                failures.AddRange(groups.Select(g => g.Split('@')[0]).Where(role => !OfficerRole.All.Contains(role))
                    .Select(role => $"{key}/{task.Id}: '{role}' is not an officer role ({string.Join(", ", OfficerRole.All)})"));
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Forms_EveryShippedForm_IsUsedByAWorkflowOrAProcedureFile()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in RepositoryDefinitions.WorkflowKeys)
        {
            var scope = WorkflowRun.Load(key).Scope;
            used.UnionWith(scope.AllNodes().OfType<UserTask>().Select(t => t.FormKey).OfType<string>());
            used.UnionWith(scope.AllNodes().OfType<StartEvent>().Select(s => s.FormKey).OfType<string>());
        }

        Assert.Empty(RepositoryDefinitions.FormKeys.Except(used));
    }

    /// <summary>The repository as the host sees it at start-up: forms/ folders, the host's handlers, workflows/ folders.</summary>
    private sealed class RepositoryContext : IDeploymentContext
    {
        public bool FormExists(string formKey) => RepositoryDefinitions.FormKeys.Contains(formKey);

        public bool HandlerExists(string handlerType) => s_hostHandlerTypes.Contains(handlerType);

        public bool ProcessExists(string processKey) => RepositoryDefinitions.WorkflowKeys.Contains(processKey);
    }
}
