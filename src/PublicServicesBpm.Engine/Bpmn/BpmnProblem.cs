namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>One problem found while importing or validating a BPMN file.</summary>
/// <param name="ElementId">The id of the offending element; <see langword="null"/> for document-level problems.</param>
/// <param name="ElementType">The BPMN element local name (e.g. <c>userTask</c>), or <c>document</c>.</param>
/// <param name="Message">What is wrong and why, in English; names the element and the reason.</param>
/// <param name="Severity">Errors block deployment; warnings do not.</param>
/// <param name="Code">A stable rule code (see <see cref="BpmnRules"/>) for tests, filtering and translation.</param>
public sealed record BpmnProblem(
    string? ElementId,
    string ElementType,
    string Message,
    BpmnProblemSeverity Severity,
    string Code)
{
    /// <summary>A one-line rendering, e.g. <c>error [parallel-block] parallelGateway 'fork': …</c>.</summary>
    public override string ToString() =>
        $"{(Severity == BpmnProblemSeverity.Error ? "error" : "warning")} [{Code}] {ElementType}"
        + (ElementId is null ? string.Empty : $" '{ElementId}'") + $": {Message}";
}

/// <summary>How serious a <see cref="BpmnProblem"/> is.</summary>
public enum BpmnProblemSeverity
{
    /// <summary>The file cannot be deployed.</summary>
    Error,

    /// <summary>The file can be deployed, but something is probably not what the author meant.</summary>
    Warning,
}
