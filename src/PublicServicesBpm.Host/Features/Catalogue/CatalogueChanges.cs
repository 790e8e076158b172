using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Writes to the shared catalogues, all-or-nothing: an import of many rows, a change of one entry (closes its open
/// period the day the change takes effect and opens a new one), the end of an entry. Every row is checked (values,
/// references, overlapping periods) before anything is stored; one bad row stores nothing. Writers of one catalogue
/// take turns (a transaction-scoped advisory lock), so two imports cannot both pass the overlap check.
/// </summary>
internal sealed class CatalogueChanges(AppDbContext db, TimeProvider clock)
{
    /// <summary>What a write did, or the problems (keyed <c>rows[N].column</c>) that stopped it.</summary>
    public sealed record Outcome(int Added, int Unchanged, int Closed, IReadOnlyDictionary<string, string[]>? Errors)
    {
        public bool Succeeded => Errors is null;
    }

    /// <summary>Adds the rows' periods; a row equal to a stored period is left as it is (so an export imports back as a no-op).</summary>
    public Task<Outcome> ImportAsync(SharedCatalogue catalogue, IReadOnlyList<CatalogueRow> rows, string by, Func<Outcome, CancellationToken, Task>? audit, CancellationToken cancellationToken) =>
        InTransactionAsync(catalogue, audit, async () =>
        {
            var errors = new RowErrors();
            if (rows.Count == 0)
            {
                errors.Add(0, "rows", "There are no rows to import.");
            }
            var parsed = await ParseAsync(catalogue, rows, by, errors, cancellationToken);
            var stored = await StoredAsync(catalogue, parsed.Select(p => p.Period.Code), cancellationToken);
            var (added, unchanged) = Plan(catalogue, parsed, stored, errors);
            return errors.Any ? new Outcome(0, 0, 0, errors.ToDictionary()) : await SaveAsync(catalogue, added, unchanged, 0, stored, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// New values for <paramref name="code"/> from the row's <c>validFrom</c>: the open period (if it began earlier) ends
    /// that day and the new one begins. A new code simply gets its first period.
    /// </summary>
    public Task<Outcome> ChangeAsync(SharedCatalogue catalogue, string code, CatalogueRow row, string by, Func<Outcome, CancellationToken, Task>? audit, CancellationToken cancellationToken) =>
        InTransactionAsync(catalogue, audit, async () =>
        {
            var errors = new RowErrors();
            var values = new Dictionary<string, string?>(row.Values, StringComparer.Ordinal) { [SharedCatalogue.CodeColumn] = code };
            var parsed = await ParseAsync(catalogue, [row with { Values = values }], by, errors, cancellationToken);
            if (parsed.Count == 0)
            {
                return new Outcome(0, 0, 0, errors.ToDictionary());
            }
            var period = parsed[0].Period;
            var stored = await StoredAsync(catalogue, [code], cancellationToken);
            var closed = 0;
            if (stored.SingleOrDefault(p => p.ValidUntil is null) is { } open)
            {
                if (open.ValidFrom >= period.ValidFrom)
                {
                    errors.Add(0, SharedCatalogue.ValidFromColumn, $"The open period of '{code}' begins on {Day(open.ValidFrom)}; a change takes effect after that day.");
                    return new Outcome(0, 0, 0, errors.ToDictionary());
                }
                open.ValidUntil = period.ValidFrom;
                closed = 1;
            }
            var (added, _) = Plan(catalogue, parsed, stored, errors);
            return errors.Any ? new Outcome(0, 0, 0, errors.ToDictionary()) : await SaveAsync(catalogue, added, 0, closed, stored, cancellationToken);
        }, cancellationToken);

    /// <summary>Ends the open period of <paramref name="code"/> on <paramref name="until"/> (the first day it no longer applies).</summary>
    public Task<Outcome> EndAsync(SharedCatalogue catalogue, string code, DateOnly until, Func<Outcome, CancellationToken, Task>? audit, CancellationToken cancellationToken) =>
        InTransactionAsync(catalogue, audit, async () =>
        {
            var errors = new RowErrors();
            var stored = await StoredAsync(catalogue, [code], cancellationToken);
            var open = stored.SingleOrDefault(p => p.ValidUntil is null);
            if (open is null || open.ValidFrom >= until)
            {
                errors.Add(0, SharedCatalogue.ValidUntilColumn, open is null
                    ? $"'{code}' has no open period."
                    : $"The open period of '{code}' begins on {Day(open.ValidFrom)}; it can end only after that day.");
                return new Outcome(0, 0, 0, errors.ToDictionary());
            }
            open.ValidUntil = until;
            return await SaveAsync(catalogue, [], 0, 1, stored, cancellationToken);
        }, cancellationToken);

    private async Task<Outcome> InTransactionAsync(SharedCatalogue catalogue, Func<Outcome, CancellationToken, Task>? audit, Func<Task<Outcome>> write, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"catalogue:" + catalogue.Name}))", cancellationToken);
        var outcome = await write();
        if (!outcome.Succeeded)
        {
            db.ChangeTracker.Clear();
            return outcome;
        }
        if (audit is not null)
        {
            await audit(outcome, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private async Task<List<(CatalogueRow Row, CataloguePeriod Period)>> ParseAsync(SharedCatalogue catalogue, IReadOnlyList<CatalogueRow> rows, string by, RowErrors errors, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var parsed = new List<(CatalogueRow, CataloguePeriod)>();
        foreach (var row in rows)
        {
            if (catalogue.Parse(row, errors, now, by) is { } period)
            {
                parsed.Add((row, period));
            }
        }
        await catalogue.CheckReferencesAsync(db, parsed, errors, cancellationToken);
        return parsed;
    }

    private Task<List<CataloguePeriod>> StoredAsync(SharedCatalogue catalogue, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var list = codes.Distinct(StringComparer.Ordinal).ToArray();
        return catalogue.Periods(db).Where(p => list.Contains(p.Code)).ToListAsync(cancellationToken);
    }

    /// <summary>Which rows are new, which equal a stored period; a new period may overlap neither a stored one nor another row's.</summary>
    private static (List<CataloguePeriod> Added, int Unchanged) Plan(
        SharedCatalogue catalogue, IReadOnlyList<(CatalogueRow Row, CataloguePeriod Period)> parsed, IReadOnlyList<CataloguePeriod> stored, RowErrors errors)
    {
        var added = new List<(CatalogueRow Row, CataloguePeriod Period)>();
        var unchanged = 0;
        foreach (var (row, period) in parsed)
        {
            var same = stored.FirstOrDefault(s => s.Code == period.Code && s.ValidFrom == period.ValidFrom);
            if (same is not null && SameValues(catalogue.ToRow(same), catalogue.ToRow(period)))
            {
                unchanged++;
                continue;
            }
            if (stored.FirstOrDefault(s => s.Code == period.Code && s.Overlaps(period.ValidFrom, period.ValidUntil)) is { } clash)
            {
                errors.Add(row.Number, SharedCatalogue.ValidFromColumn,
                    $"'{period.Code}' already has a period from {Day(clash.ValidFrom)} {(clash.ValidUntil is { } end ? "until " + Day(end) : "with no end")}; periods of one code must not overlap.");
                continue;
            }
            if (added.FirstOrDefault(a => a.Period.Code == period.Code && a.Period.Overlaps(period.ValidFrom, period.ValidUntil)) is { Period: not null } other)
            {
                errors.Add(row.Number, SharedCatalogue.ValidFromColumn, $"Overlaps the period of '{period.Code}' in row {other.Row.Number}.");
                continue;
            }
            added.Add((row, period));
        }
        return (added.Select(a => a.Period).ToList(), unchanged);
    }

    private async Task<Outcome> SaveAsync(SharedCatalogue catalogue, List<CataloguePeriod> added, int unchanged, int closed, List<CataloguePeriod> stored, CancellationToken cancellationToken)
    {
        foreach (var period in added)
        {
            catalogue.Add(db, period);
        }
        var codes = added.Select(p => p.Code).Concat(stored.Where(s => db.Entry(s).State == EntityState.Modified).Select(s => s.Code)).Distinct(StringComparer.Ordinal).ToList();
        await catalogue.BeforeSaveAsync(db, codes, added, VietnamTime.LocalDate(clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(added.Count, unchanged, closed, null);
    }

    private static bool SameValues(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && string.Equals(pair.Value ?? string.Empty, other ?? string.Empty, StringComparison.Ordinal));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
