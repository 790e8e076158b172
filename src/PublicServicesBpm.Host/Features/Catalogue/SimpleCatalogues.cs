using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>Sectors (lĩnh vực): code and names only.</summary>
internal sealed class SectorsCatalogue : SharedCatalogue<SectorPeriod>
{
    public override string Name => "sectors";

    public override IReadOnlyList<string> Columns => CommonColumns;

    protected override CataloguePeriod Create(CatalogueRow row, PeriodStart start, RowErrors errors) => new SectorPeriod
    {
        Code = start.Code, Name = start.Name, NameEn = start.NameEn, ValidFrom = start.ValidFrom, ValidUntil = start.ValidUntil,
        RecordedAt = start.RecordedAt, RecordedBy = start.RecordedBy,
    };
}

/// <summary>Document types (loại giấy tờ): code and names only.</summary>
internal sealed class DocumentTypesCatalogue : SharedCatalogue<DocumentTypePeriod>
{
    public override string Name => "document-types";

    public override IReadOnlyList<string> Columns => CommonColumns;

    protected override CataloguePeriod Create(CatalogueRow row, PeriodStart start, RowErrors errors) => new DocumentTypePeriod
    {
        Code = start.Code, Name = start.Name, NameEn = start.NameEn, ValidFrom = start.ValidFrom, ValidUntil = start.ValidUntil,
        RecordedAt = start.RecordedAt, RecordedBy = start.RecordedBy,
    };
}
