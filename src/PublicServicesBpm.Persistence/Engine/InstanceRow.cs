namespace PublicServicesBpm.Persistence.Engine;

/// <summary>The instance row as read before a command; <see cref="Revision"/> 0 means "new, not yet stored".</summary>
internal sealed record InstanceRow(Guid Id, Guid DefinitionVersionId, string? BusinessKey, int Revision, string? StateJson);
