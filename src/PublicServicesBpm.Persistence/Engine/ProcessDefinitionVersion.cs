namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// One deployed version of one executable process (table <c>bpm.process_definition_versions</c>). The BPMN XML is
/// kept exactly as deployed, so the viewer shows what ran; running instances stay on their version to the end.
/// </summary>
public sealed class ProcessDefinitionVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The process id in the BPMN file: the procedure key.</summary>
    public required string Key { get; init; }

    /// <summary>1, 2, 3… per key, in deployment order.</summary>
    public required int Version { get; init; }

    public string? Name { get; init; }

    /// <summary>SHA-256 of the normalized BPMN content: deploying identical content again is a no-op.</summary>
    public required string ContentHash { get; init; }

    public required string BpmnXml { get; init; }

    public required DateTimeOffset DeployedAt { get; init; }

    /// <summary>Who deployed it: a user name, or <c>repository</c> for the files deployed at start-up.</summary>
    public required string DeployedBy { get; init; }

    /// <summary>
    /// The form version each form key of this process resolves to under binding <c>deployment</c> (the default):
    /// a JSON object <c>{"formKey": version}</c> captured when the process version was deployed.
    /// </summary>
    public string FormVersions { get; init; } = "{}";

    /// <summary>Set when the version is retired: no new dossiers start on it; running ones finish.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
