namespace PublicServicesBpm.Engine.Definitions;

/// <summary>
/// An imported BPMN file: its processes and declarations in executable form, plus the original XML (so the
/// designer and viewer can show the diagram, which the executable model leaves out) and its content hash.
/// </summary>
/// <param name="DefinitionsId">The <c>id</c> of the <c>definitions</c> root element, if any.</param>
/// <param name="Processes">Every process in document order, executable or not.</param>
/// <param name="Messages">The messages declared at definitions level.</param>
/// <param name="Errors">The errors declared at definitions level.</param>
/// <param name="SourceXml">The XML text exactly as imported.</param>
/// <param name="ContentHash">
/// Lower-case hex SHA-256 of the normalized content; equal hashes mean a redeployment is a no-op.
/// </param>
public sealed record BpmnDocument(
    string? DefinitionsId,
    IReadOnlyList<ProcessDefinition> Processes,
    IReadOnlyList<MessageDeclaration> Messages,
    IReadOnlyList<ErrorDeclaration> Errors,
    string SourceXml,
    string ContentHash)
{
    /// <summary>The processes marked <c>isExecutable="true"</c>: the ones deployment versions and runs.</summary>
    public IEnumerable<ProcessDefinition> ExecutableProcesses => Processes.Where(p => p.IsExecutable);

    /// <summary>Finds a process by key.</summary>
    public ProcessDefinition? FindProcess(string key) => Processes.FirstOrDefault(p => p.Key == key);
}
