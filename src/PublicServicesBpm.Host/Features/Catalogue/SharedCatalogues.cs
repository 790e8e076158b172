namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>The shared catalogues by route name (<c>agencies</c>, <c>administrative-units</c>, <c>sectors</c>, <c>document-types</c>).</summary>
internal sealed class SharedCatalogues
{
    public SharedCatalogues()
    {
        All = [AdministrativeUnits, Agencies, Sectors, DocumentTypes];
    }

    public AdministrativeUnitsCatalogue AdministrativeUnits { get; } = new();

    public AgenciesCatalogue Agencies { get; } = new();

    public SectorsCatalogue Sectors { get; } = new();

    public DocumentTypesCatalogue DocumentTypes { get; } = new();

    /// <summary>In dependency order: agencies refer to provinces, procedures to all.</summary>
    public IReadOnlyList<SharedCatalogue> All { get; }

    public SharedCatalogue? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
