using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Checks an imported document against the supported subset and reports every problem it finds.
/// Only executable processes are checked; non-executable ones are documentary. FEEL is not evaluated:
/// expression texts are only checked for presence.
/// </summary>
public static class BpmnValidator
{
    /// <summary>Validates the executable processes of a document.</summary>
    /// <param name="document">The imported document.</param>
    /// <param name="context">Deployment knowledge for form, handler and called-process checks; null skips them.</param>
    /// <returns>Every problem found, errors and warnings, in a stable order.</returns>
    public static IReadOnlyList<BpmnProblem> Validate(BpmnDocument document, IDeploymentContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new ProblemList();
        if (!document.ExecutableProcesses.Any())
        {
            var hint = document.Processes.Count == 0
                ? "the file contains no process"
                : $"set isExecutable=\"true\" on the process to deploy ({string.Join(", ", document.Processes.Select(p => p.Key))})";
            problems.Error(BpmnRules.NoExecutableProcess, document.DefinitionsId, "definitions", $"No executable process: {hint}.");
        }

        foreach (var process in document.ExecutableProcesses)
        {
            CheckScope(process.Scope, "process", [], problems);
            DeploymentRules.Check(document, process, context, problems);
        }

        return [.. problems.Items];
    }

    /// <param name="scope">The scope to check.</param>
    /// <param name="scopeType">"process" or "subProcess", for messages.</param>
    /// <param name="enclosing">The sub-processes around this scope, innermost last (for error catching).</param>
    /// <param name="problems">Where problems go.</param>
    private static void CheckScope(FlowScope scope, string scopeType, IReadOnlyList<SubProcessFrame> enclosing, ProblemList problems)
    {
        var graph = new ScopeGraph(scope);
        StructureRules.Check(scope, scopeType, problems);
        ReachabilityRules.Check(graph, problems);
        GatewayRules.Check(scope, problems);
        ParallelBlockRules.Check(graph, problems);
        BoundaryRules.Check(scope, enclosing, problems);
        foreach (var sub in scope.Nodes.OfType<SubProcess>())
        {
            CheckScope(sub.Scope, "subProcess", [.. enclosing, new SubProcessFrame(sub, scope)], problems);
        }
    }
}

/// <summary>A sub-process together with the scope that contains it (where its boundary events live).</summary>
internal sealed record SubProcessFrame(SubProcess SubProcess, FlowScope Parent);
