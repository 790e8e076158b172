using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>One record of an import (or of a change): its values by column, list columns joined by <c>;</c>.</summary>
internal sealed record CatalogueRow(int Number, IReadOnlyDictionary<string, string?> Values)
{
    public string? this[string column] => Values.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>Problems found in rows, keyed <c>rows[N].column</c> (N counts records from 1, header excluded).</summary>
internal sealed class RowErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>How many problems so far (a row added problems when this grew while reading it).</summary>
    public int Count { get; private set; }

    public void Add(int row, string column, string message)
    {
        var key = row == 0 ? column : $"rows[{row}].{column}";
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }
        list.Add(message);
        Count++;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>
/// One shared catalogue (function H2): its name in routes, its columns in CSV and JSON, how a row becomes a period
/// and which codes it must refer to. <see cref="CatalogueChanges"/> applies imports and changes the same way for all.
/// </summary>
internal abstract partial class SharedCatalogue
{
    public const string CodeColumn = "code";
    public const string NameColumn = "name";
    public const string NameEnColumn = "nameEn";
    public const string ValidFromColumn = "validFrom";
    public const string ValidUntilColumn = "validUntil";

    protected static readonly string[] CommonColumns = [CodeColumn, NameColumn, NameEnColumn, ValidFromColumn, ValidUntilColumn];

    /// <summary>The catalogue's route segment (<c>sectors</c>, <c>document-types</c>, …).</summary>
    public abstract string Name { get; }

    /// <summary>Columns in the order of a CSV export.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Columns holding a list (JSON arrays; in CSV the items joined by <c>;</c>).</summary>
    public virtual IReadOnlySet<string> ListColumns { get; } = new HashSet<string>();

    public abstract IQueryable<CataloguePeriod> Periods(AppDbContext db);

    /// <summary>Entries valid on <paramref name="date"/>, optionally only the children of <paramref name="parent"/>.</summary>
    public virtual async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> AsOfAsync(AppDbContext db, DateOnly date, string? parent, CancellationToken cancellationToken)
    {
        var periods = await Periods(db).AsNoTracking()
            .Where(p => p.ValidFrom <= date && (p.ValidUntil == null || date < p.ValidUntil))
            .OrderBy(p => p.Code).ToListAsync(cancellationToken);
        return periods.Where(p => parent is null || ParentOf(p) == parent).Select(ToJson).ToList();
    }

    public virtual string? ParentOf(CataloguePeriod period) => null;

    /// <summary>The row of a period, as exported and as compared on import (equal rows are the same period).</summary>
    public IReadOnlyDictionary<string, string?> ToRow(CataloguePeriod period)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CodeColumn] = period.Code,
            [NameColumn] = period.Name,
            [NameEnColumn] = period.NameEn,
            [ValidFromColumn] = period.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [ValidUntilColumn] = period.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        AddColumns(period, row);
        return row;
    }

    /// <summary>The period as a JSON object (list columns as arrays).</summary>
    public IReadOnlyDictionary<string, object?> ToJson(CataloguePeriod period) =>
        ToRow(period).ToDictionary(c => c.Key, c => ListColumns.Contains(c.Key) ? (object?)SplitList(c.Value) : c.Value, StringComparer.Ordinal);

    /// <summary>A period from a row, or null with the row's problems added to <paramref name="errors"/>.</summary>
    public CataloguePeriod? Parse(CatalogueRow row, RowErrors errors, DateTimeOffset recordedAt, string recordedBy)
    {
        var before = errors.Count;
        foreach (var column in row.Values.Keys.Where(c => !Columns.Contains(c)))
        {
            errors.Add(row.Number, column, "Unknown column.");
        }
        var code = row[CodeColumn];
        if (code is null || !Code().IsMatch(code))
        {
            errors.Add(row.Number, CodeColumn, "Required: up to 32 letters, digits, dots, hyphens or underscores.");
        }
        var name = row[NameColumn];
        if (name is null || name.Length > 300)
        {
            errors.Add(row.Number, NameColumn, "Required, up to 300 characters.");
        }
        var from = ReadDate(row, ValidFromColumn, required: true, errors);
        var until = ReadDate(row, ValidUntilColumn, required: false, errors);
        if (from is not null && until is not null && until <= from)
        {
            errors.Add(row.Number, ValidUntilColumn, "Must be after validFrom.");
        }
        var start = new PeriodStart(code ?? string.Empty, name ?? string.Empty, row[NameEnColumn], from ?? default, until, recordedAt, recordedBy);
        var period = Create(row, start, errors);
        return errors.Count > before ? null : period;
    }

    /// <summary>Codes this catalogue's rows refer to must exist (in the database or among the imported rows).</summary>
    public virtual Task CheckReferencesAsync(AppDbContext db, IReadOnlyList<(CatalogueRow Row, CataloguePeriod Period)> imported, RowErrors errors, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public abstract void Add(AppDbContext db, CataloguePeriod period);

    /// <summary>After periods of <paramref name="codes"/> changed (before saving them): agencies keep their current row in step.</summary>
    public virtual Task BeforeSaveAsync(AppDbContext db, IReadOnlyCollection<string> codes, IReadOnlyList<CataloguePeriod> added, DateOnly today, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The values every period has, read and checked by <see cref="Parse"/>.</summary>
    protected sealed record PeriodStart(string Code, string Name, string? NameEn, DateOnly ValidFrom, DateOnly? ValidUntil, DateTimeOffset RecordedAt, string RecordedBy);

    protected abstract CataloguePeriod? Create(CatalogueRow row, PeriodStart start, RowErrors errors);

    protected virtual void AddColumns(CataloguePeriod period, Dictionary<string, string?> row)
    {
    }

    protected static string[] SplitList(string? value) =>
        value is null ? [] : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    protected static bool OneOf(CatalogueRow row, string column, IReadOnlyList<string> allowed, RowErrors errors)
    {
        if (row[column] is { } value && allowed.Contains(value))
        {
            return true;
        }
        errors.Add(row.Number, column, "One of " + string.Join(", ", allowed) + ".");
        return false;
    }

    private static DateOnly? ReadDate(CatalogueRow row, string column, bool required, RowErrors errors)
    {
        var text = row[column];
        if (text is null)
        {
            if (required)
            {
                errors.Add(row.Number, column, "Required (yyyy-MM-dd).");
            }
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 9998)
        {
            return date;
        }
        errors.Add(row.Number, column, $"'{text}' is not a date (yyyy-MM-dd).");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex Code();
}

/// <summary>A catalogue whose rows are periods of type <typeparamref name="T"/>, in their own table.</summary>
internal abstract class SharedCatalogue<T> : SharedCatalogue
    where T : CataloguePeriod
{
    public override IQueryable<CataloguePeriod> Periods(AppDbContext db) => db.Set<T>();

    public override void Add(AppDbContext db, CataloguePeriod period) => db.Set<T>().Add((T)period);
}
