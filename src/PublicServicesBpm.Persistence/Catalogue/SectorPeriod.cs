namespace PublicServicesBpm.Persistence.Catalogue;

/// <summary>A period of one sector (lĩnh vực) — table <c>app.sectors</c>, e.g. <c>ho-tich</c> "Hộ tịch".</summary>
public sealed class SectorPeriod : CataloguePeriod;
