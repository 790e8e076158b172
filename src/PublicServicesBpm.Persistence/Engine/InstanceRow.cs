namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// The instance row as read before a command. <c>Revision</c> 0 means "new, not yet stored"; <c>ParentCallId</c>
/// is set for a child started by a call activity.
/// </summary>
internal sealed record InstanceRow(Guid Id, Guid DefinitionVersionId, string? BusinessKey, int Revision, string? StateJson, string? ParentCallId = null);
