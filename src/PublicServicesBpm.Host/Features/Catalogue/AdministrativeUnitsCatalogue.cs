using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>Administrative units: provinces and, under them, communes (two levels since the 2025 reform).</summary>
internal sealed class AdministrativeUnitsCatalogue : SharedCatalogue<AdministrativeUnitPeriod>
{
    public const string LevelColumn = "level";
    public const string ParentColumn = "parentCode";

    public override string Name => "administrative-units";

    public override IReadOnlyList<string> Columns { get; } = [.. CommonColumns, LevelColumn, ParentColumn];

    public override string? ParentOf(CataloguePeriod period) => ((AdministrativeUnitPeriod)period).ParentCode;

    protected override CataloguePeriod? Create(CatalogueRow row, PeriodStart start, RowErrors errors)
    {
        if (!OneOf(row, LevelColumn, AdministrativeLevels.OfUnits, errors))
        {
            return null;
        }
        var level = row[LevelColumn]!;
        var parent = row[ParentColumn];
        if ((level == AdministrativeLevels.Commune) != (parent is not null))
        {
            errors.Add(row.Number, ParentColumn, level == AdministrativeLevels.Commune ? "A commune needs its province's code." : "A province has no parent.");
            return null;
        }
        return new AdministrativeUnitPeriod
        {
            Code = start.Code, Name = start.Name, NameEn = start.NameEn, ValidFrom = start.ValidFrom, ValidUntil = start.ValidUntil,
            RecordedAt = start.RecordedAt, RecordedBy = start.RecordedBy, Level = level, ParentCode = parent,
        };
    }

    protected override void AddColumns(CataloguePeriod period, Dictionary<string, string?> row)
    {
        var unit = (AdministrativeUnitPeriod)period;
        row[LevelColumn] = unit.Level;
        row[ParentColumn] = unit.ParentCode;
    }

    /// <summary>A commune's parent must be a province, stored or imported.</summary>
    public override async Task CheckReferencesAsync(AppDbContext db, IReadOnlyList<(CatalogueRow Row, CataloguePeriod Period)> imported, RowErrors errors, CancellationToken cancellationToken)
    {
        var parents = imported.Select(i => ((AdministrativeUnitPeriod)i.Period).ParentCode).OfType<string>().Distinct().ToArray();
        var provinces = (await db.AdministrativeUnits.Where(u => parents.Contains(u.Code) && u.Level == AdministrativeLevels.Province).Select(u => u.Code).ToListAsync(cancellationToken))
            .Concat(imported.Select(i => (AdministrativeUnitPeriod)i.Period).Where(u => u.Level == AdministrativeLevels.Province).Select(u => u.Code))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (row, period) in imported)
        {
            if (((AdministrativeUnitPeriod)period).ParentCode is { } parent && !provinces.Contains(parent))
            {
                errors.Add(row.Number, ParentColumn, $"Unknown province '{parent}'.");
            }
        }
    }
}
