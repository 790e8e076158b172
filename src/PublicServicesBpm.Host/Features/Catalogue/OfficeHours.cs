using System.Globalization;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Office periods as the catalogue stores them: <c>HH:mm-HH:mm</c>, start before end, in order and not overlapping
/// (e.g. <c>07:30-11:30;13:00-17:00</c>). The business calendar reads them from the agency.
/// </summary>
internal static class OfficeHours
{
    public static string[]? Read(CatalogueRow row, string column, RowErrors errors, bool allowEmpty)
    {
        var items = row[column] is { } text ? text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        if (items.Length == 0 && !allowEmpty)
        {
            errors.Add(row.Number, column, "At least one period HH:mm-HH:mm.");
            return null;
        }
        var previousEnd = TimeOnly.MinValue;
        foreach (var item in items)
        {
            if (!TryParse(item, out var start, out var end) || start >= end)
            {
                errors.Add(row.Number, column, $"'{item}' is not a period HH:mm-HH:mm with its start before its end.");
                return null;
            }
            if (start < previousEnd)
            {
                errors.Add(row.Number, column, $"'{item}' overlaps or precedes the period before it.");
                return null;
            }
            previousEnd = end;
        }
        return items;
    }

    private static bool TryParse(string item, out TimeOnly start, out TimeOnly end)
    {
        (start, end) = (default, default);
        var parts = item.Split('-');
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out end);
    }
}
