using System.Text;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// CSV as RFC 4180 says: comma-separated, a header row of column names, fields quoted with <c>"</c> when they hold a
/// comma, quote or line break (a quote inside doubled). UTF-8; a leading byte-order mark is ignored (Excel writes one).
/// </summary>
internal static class CatalogueCsv
{
    /// <summary>The records after the header; throws <see cref="FormatException"/> naming the line of a malformed record.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Records) Parse(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        var line = 1;
        var quoteLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    if (i + 1 < text.Length && text[i + 1] is not (',' or '\r' or '\n'))
                    {
                        throw new FormatException($"Line {line}: text after a closing quote.");
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !fieldStarted:
                    quoted = true;
                    quoteLine = line;
                    fieldStarted = true;
                    break;
                case '"':
                    throw new FormatException($"Line {line}: a quote inside an unquoted field.");
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }
        if (quoted)
        {
            throw new FormatException($"Line {quoteLine}: a quoted field is not closed.");
        }
        EndRecord();
        if (records.Count == 0)
        {
            throw new FormatException("Line 1: no header row.");
        }
        var header = records[0];
        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Count != header.Count)
            {
                throw new FormatException($"Record {r}: {records[r].Count} fields where the header has {header.Count}.");
            }
        }
        return (header, records.Skip(1).ToList());

        void EndRecord()
        {
            if (record.Count == 0 && field.Length == 0 && !fieldStarted)
            {
                return; // blank line
            }
            record.Add(field.ToString());
            records.Add(record);
            record = [];
            field.Clear();
            fieldStarted = false;
        }
    }

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> records)
    {
        var text = new StringBuilder();
        AppendRecord(text, header);
        foreach (var record in records)
        {
            AppendRecord(text, record);
        }
        return text.ToString();
    }

    private static void AppendRecord(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var value = fields[i] ?? string.Empty;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(value);
            }
        }
        text.Append("\r\n");
    }
}
