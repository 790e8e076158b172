namespace PublicServicesBpm.Persistence.Forms;

/// <summary>
/// One deployed version of one electronic form (table <c>bpm.form_versions</c>): a form-js schema kept exactly as
/// deployed, so a dossier always shows the form it was filled with. Versions count 1, 2, 3… per form key;
/// deploying identical content again is a no-op (same content hash).
/// </summary>
public sealed class FormVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The <c>psb:formKey</c> that user tasks and start events name (the folder name under <c>forms/</c>).</summary>
    public required string FormKey { get; init; }

    public required int Version { get; init; }

    /// <summary>SHA-256 (hex) of the schema text as deployed.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The form-js schema (JSON, stored as jsonb).</summary>
    public required string Schema { get; init; }

    public required DateTimeOffset DeployedAt { get; init; }

    /// <summary>A user name, or <c>repository</c> for the files deployed at start-up.</summary>
    public required string DeployedBy { get; init; }
}
