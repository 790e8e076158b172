namespace PublicServicesBpm.Persistence.Designer;

/// <summary>
/// The designer studio's unpublished work on one workflow or one form (table <c>bpm.designer_drafts</c>): saved by
/// autosave while a designer edits, published as a new version through the engine, then removed. One draft per
/// workflow or form, shared by the designers; <see cref="Revision"/> counts saves so that a save based on an older
/// revision is refused instead of silently overwriting someone else's work.
/// </summary>
public sealed class DesignerDraft
{
    public const string WorkflowKind = "workflow";

    public const string FormKind = "form";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary><see cref="WorkflowKind"/> or <see cref="FormKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The process key (the BPMN process id) or the form key.</summary>
    public required string Key { get; init; }

    /// <summary>The BPMN XML or the form-js schema (JSON) as the designer left it; it may not be valid yet.</summary>
    public required string Content { get; set; }

    /// <summary>The published version the draft started from; null for a workflow or form never published.</summary>
    public int? BaseVersion { get; set; }

    /// <summary>1 for the first save, one more for each save after it.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
