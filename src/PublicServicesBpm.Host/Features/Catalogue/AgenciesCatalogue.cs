using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Catalogue;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Agencies: hierarchy, administrative level, province, address and office hours (read by the business calendar).
/// Besides its periods, each agency has its row in <c>app.agencies</c> (role grants refer to it), kept equal to the
/// period valid today — or, when none is, to the last one that was (and then marked dissolved) or the next one.
/// </summary>
internal sealed class AgenciesCatalogue : SharedCatalogue<AgencyPeriod>
{
    public const string ParentColumn = "parentCode";
    public const string LevelColumn = "administrativeLevel";
    public const string ProvinceColumn = "provinceCode";
    public const string AddressColumn = "address";
    public const string WeekdayHoursColumn = "weekdayHours";
    public const string SaturdayHoursColumn = "saturdayHours";

    public override string Name => "agencies";

    public override IReadOnlyList<string> Columns { get; } =
        [.. CommonColumns, ParentColumn, LevelColumn, ProvinceColumn, AddressColumn, WeekdayHoursColumn, SaturdayHoursColumn];

    public override IReadOnlySet<string> ListColumns { get; } = new HashSet<string>([WeekdayHoursColumn, SaturdayHoursColumn]);

    public override string? ParentOf(CataloguePeriod period) => ((AgencyPeriod)period).ParentCode;

    /// <summary>Periods valid that day, plus agencies created before the catalogue (no periods): valid since their creation.</summary>
    public override async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> AsOfAsync(AppDbContext db, DateOnly date, string? parent, CancellationToken cancellationToken)
    {
        var listed = await base.AsOfAsync(db, date, parent, cancellationToken);
        var uncatalogued = await db.Agencies.AsNoTracking()
            .Where(a => !db.AgencyPeriods.Any(p => p.Code == a.Code) && (parent == null || a.ParentCode == parent))
            .ToListAsync(cancellationToken);
        return listed
            .Concat(uncatalogued.Where(a => DateOnly.FromDateTime(a.CreatedAt.UtcDateTime) <= date).Select(FromAgency))
            .OrderBy(a => (string?)a[CodeColumn], StringComparer.Ordinal)
            .ToList();
    }

    protected override CataloguePeriod? Create(CatalogueRow row, PeriodStart start, RowErrors errors)
    {
        var levelOk = OneOf(row, LevelColumn, AdministrativeLevels.OfAgencies, errors);
        var province = row[ProvinceColumn];
        if (province is null)
        {
            errors.Add(row.Number, ProvinceColumn, "Required: the province's code.");
        }
        var address = row[AddressColumn];
        if (address is { Length: > 500 })
        {
            errors.Add(row.Number, AddressColumn, "Up to 500 characters.");
        }
        var weekday = OfficeHours.Read(row, WeekdayHoursColumn, errors, allowEmpty: false);
        var saturday = OfficeHours.Read(row, SaturdayHoursColumn, errors, allowEmpty: true);
        if (!levelOk || province is null || weekday is null || saturday is null)
        {
            return null;
        }
        return new AgencyPeriod
        {
            Code = start.Code, Name = start.Name, NameEn = start.NameEn, ValidFrom = start.ValidFrom, ValidUntil = start.ValidUntil,
            RecordedAt = start.RecordedAt, RecordedBy = start.RecordedBy,
            ParentCode = row[ParentColumn], AdministrativeLevel = row[LevelColumn]!, ProvinceCode = province, Address = address,
            WeekdayHours = weekday, SaturdayHours = saturday,
        };
    }

    protected override void AddColumns(CataloguePeriod period, Dictionary<string, string?> row)
    {
        var agency = (AgencyPeriod)period;
        row[ParentColumn] = agency.ParentCode;
        row[LevelColumn] = agency.AdministrativeLevel;
        row[ProvinceColumn] = agency.ProvinceCode;
        row[AddressColumn] = agency.Address;
        row[WeekdayHoursColumn] = string.Join(';', agency.WeekdayHours);
        row[SaturdayHoursColumn] = string.Join(';', agency.SaturdayHours);
    }

    /// <summary>The parent agency must exist (stored or imported); the province must be a province of the unit catalogue.</summary>
    public override async Task CheckReferencesAsync(AppDbContext db, IReadOnlyList<(CatalogueRow Row, CataloguePeriod Period)> imported, RowErrors errors, CancellationToken cancellationToken)
    {
        var agencies = imported.Select(i => (AgencyPeriod)i.Period).ToList();
        var parents = agencies.Select(a => a.ParentCode).OfType<string>().Distinct().ToArray();
        var knownParents = (await db.Agencies.Where(a => parents.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken))
            .Concat(agencies.Select(a => a.Code)).ToHashSet(StringComparer.Ordinal);
        var provinces = agencies.Select(a => a.ProvinceCode).Distinct().ToArray();
        var knownProvinces = (await db.AdministrativeUnits.Where(u => provinces.Contains(u.Code) && u.Level == AdministrativeLevels.Province).Select(u => u.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (row, period) in imported)
        {
            var agency = (AgencyPeriod)period;
            if (agency.ParentCode is { } parent && (!knownParents.Contains(parent) || parent == agency.Code))
            {
                errors.Add(row.Number, ParentColumn, $"Unknown parent agency '{parent}'.");
            }
            if (!knownProvinces.Contains(agency.ProvinceCode))
            {
                errors.Add(row.Number, ProvinceColumn, $"Unknown province '{agency.ProvinceCode}' (see the administrative-unit catalogue).");
            }
        }
    }

    /// <summary>Creates or updates each changed agency's row to the period that applies today.</summary>
    public override async Task BeforeSaveAsync(AppDbContext db, IReadOnlyCollection<string> codes, IReadOnlyList<CataloguePeriod> added, DateOnly today, CancellationToken cancellationToken)
    {
        var codeList = codes.ToArray();
        var stored = await db.AgencyPeriods.Where(p => codeList.Contains(p.Code)).ToListAsync(cancellationToken);
        var heads = await db.Agencies.Where(a => codeList.Contains(a.Code)).ToDictionaryAsync(a => a.Code, cancellationToken);
        foreach (var code in codeList)
        {
            var periods = stored.Concat(added.OfType<AgencyPeriod>()).Where(p => p.Code == code).DistinctBy(p => p.Id).ToList();
            var current = periods.FirstOrDefault(p => p.Covers(today))
                ?? periods.Where(p => p.ValidFrom <= today).MaxBy(p => p.ValidFrom)
                ?? periods.MinBy(p => p.ValidFrom);
            if (current is null)
            {
                continue;
            }
            if (!heads.TryGetValue(code, out var head))
            {
                head = new Agency { Code = code, CreatedAt = current.RecordedAt };
                db.Agencies.Add(head);
            }
            head.Name = current.Name;
            head.ParentCode = current.ParentCode;
            head.ProvinceCode = current.ProvinceCode;
            head.AdministrativeLevel = current.AdministrativeLevel;
            head.Address = current.Address;
            head.WeekdayHours = current.WeekdayHours;
            head.SaturdayHours = current.SaturdayHours;
            head.DissolvedOn = current.Covers(today) || current.ValidFrom > today ? null : current.ValidUntil;
        }
    }

    private static IReadOnlyDictionary<string, object?> FromAgency(Agency agency) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [CodeColumn] = agency.Code,
        [NameColumn] = agency.Name,
        [NameEnColumn] = null,
        [ValidFromColumn] = DateOnly.FromDateTime(agency.CreatedAt.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [ValidUntilColumn] = null,
        [ParentColumn] = agency.ParentCode,
        [LevelColumn] = agency.AdministrativeLevel,
        [ProvinceColumn] = agency.ProvinceCode,
        [AddressColumn] = agency.Address,
        [WeekdayHoursColumn] = agency.WeekdayHours,
        [SaturdayHoursColumn] = agency.SaturdayHours,
    };
}
