namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>Audit actions of the catalogues (dotted, past tense, like <see cref="Audit.AuditActions"/>).</summary>
internal static class CatalogueAuditActions
{
    public const string Imported = "catalogue.imported";
    public const string EntryChanged = "catalogue.entry-changed";
    public const string EntryEnded = "catalogue.entry-ended";
    public const string ProcedureStored = "procedure.stored";
    public const string ProcedurePublished = "procedure.published";
    public const string ProcedureWithdrawn = "procedure.withdrawn";
}
