namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>
/// A period of one document type (loại giấy tờ) — table <c>app.document_types</c>, e.g. <c>giay-khai-sinh</c>. Dossier
/// components name the type of document they expect, so a result can be reused as a later dossier's component.
/// </summary>
public sealed class DocumentTypePeriod : CataloguePeriod;
