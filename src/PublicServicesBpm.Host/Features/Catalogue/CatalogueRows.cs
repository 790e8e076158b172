using System.Globalization;
using System.Text.Json;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Import and export bodies: CSV (header row of column names) or JSON (an array of objects, lists as arrays).
/// Both become the same <see cref="CatalogueRow"/>s, numbered from 1 in the order given.
/// </summary>
internal static class CatalogueRows
{
    public const string CsvMediaType = "text/csv";
    public const string JsonMediaType = "application/json";

    /// <summary>Most rows one import accepts (the national commune list is about 3,300 rows).</summary>
    public const int MaxRows = 20_000;

    /// <summary>Throws <see cref="FormatException"/> for a body that is not well-formed CSV.</summary>
    public static IReadOnlyList<CatalogueRow> FromCsv(string text)
    {
        var (header, records) = CatalogueCsv.Parse(text);
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"Line 1: the column '{duplicate.Key}' appears twice.");
        }
        if (records.Count > MaxRows)
        {
            throw new FormatException($"More than {MaxRows} rows.");
        }
        return records.Select((fields, i) => new CatalogueRow(i + 1,
            header.Select((column, c) => (column, fields[c])).ToDictionary(f => f.column.Trim(), f => (string?)f.Item2, StringComparer.Ordinal))).ToList();
    }

    /// <summary>Throws <see cref="FormatException"/> for a body that is not an array of flat objects.</summary>
    public static IReadOnlyList<CatalogueRow> FromJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split(". ")[0]}.", exception);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The body must be a JSON array of objects.");
            }
            if (document.RootElement.GetArrayLength() > MaxRows)
            {
                throw new FormatException($"More than {MaxRows} rows.");
            }
            var rows = new List<CatalogueRow>();
            var number = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                number++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"Row {number} is not an object.");
                }
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    values[property.Name] = Value(property.Value, number, property.Name);
                }
                rows.Add(new CatalogueRow(number, values));
            }
            return rows;
        }
    }

    public static string ToCsv(SharedCatalogue catalogue, IEnumerable<Persistence.Catalogue.CataloguePeriod> periods) =>
        CatalogueCsv.Write(catalogue.Columns, periods.Select(p => { var row = catalogue.ToRow(p); return (IReadOnlyList<string?>)catalogue.Columns.Select(c => row[c]).ToList(); }));

    private static string? Value(JsonElement value, int row, string column) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
        JsonValueKind.Array when value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
            string.Join(';', value.EnumerateArray().Select(i => i.GetString())),
        _ => throw new FormatException($"Row {row}, {column}: a value must be text, a number, null or a list of texts."),
    };
}
