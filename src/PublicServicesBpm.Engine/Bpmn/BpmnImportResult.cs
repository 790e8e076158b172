using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>The outcome of importing a BPMN file: the model (when the XML could be read) and every problem.</summary>
/// <param name="Document">
/// The imported document; <see langword="null"/> only when the XML itself could not be read. It may be
/// present and still invalid: check <see cref="IsValid"/> before deploying.
/// </param>
/// <param name="Problems">All errors and warnings, in document order of discovery.</param>
public sealed record BpmnImportResult(BpmnDocument? Document, IReadOnlyList<BpmnProblem> Problems)
{
    /// <summary>True when there is a document and no problem of severity error.</summary>
    public bool IsValid => Document is not null && Errors.Count == 0;

    /// <summary>The problems that block deployment.</summary>
    public IReadOnlyList<BpmnProblem> Errors => [.. Problems.Where(p => p.Severity == BpmnProblemSeverity.Error)];

    /// <summary>The problems that do not block deployment.</summary>
    public IReadOnlyList<BpmnProblem> Warnings => [.. Problems.Where(p => p.Severity == BpmnProblemSeverity.Warning)];
}
