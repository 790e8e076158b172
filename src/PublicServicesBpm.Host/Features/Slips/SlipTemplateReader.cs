using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>
/// Reads a slip template strictly (no unknown properties, every required one present) and checks it against its
/// form's fields, so a typo in a placeholder fails when the templates are loaded, not when an officer prints.
/// </summary>
internal static class SlipTemplateReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowOutOfOrderMetadataProperties = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Parses and checks one template; <paramref name="source"/> (a file name) starts every error message.</summary>
    /// <exception cref="SlipTemplateException">The JSON is broken or the template does not fit its form.</exception>
    public static SlipTemplate Read(string json, string source)
    {
        SlipTemplate? template;
        try
        {
            template = JsonSerializer.Deserialize<SlipTemplate>(json, Json);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $"line {line + 1}, {exception.Path ?? "$"}" : exception.Path ?? "$";
            var hint = exception.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? " Check the value's type and spelling (size a5 or a4, orientation portrait or landscape, align left, center or right; numbers unquoted)."
                : "";
            throw new SlipTemplateException([$"{source}: {where}: {FirstSentence(exception.Message)}{hint}"]);
        }
        if (template is null)
        {
            throw new SlipTemplateException([$"{source}: the file holds no template (null)."]);
        }
        var problems = new List<string>();
        SlipTemplateRules.Check(template, problems);
        if (problems.Count > 0)
        {
            throw new SlipTemplateException([.. problems.Select(p => source + ": " + p)]);
        }
        return template;
    }

    // System.Text.Json appends the path and position, which the message already carries in its own words.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}

/// <summary>What a template must satisfy beyond its JSON shape.</summary>
internal static class SlipTemplateRules
{
    public static void Check(SlipTemplate template, List<string> problems)
    {
        if (!SlipForms.All.TryGetValue(template.Form, out var fields))
        {
            problems.Add($"$.form: '{template.Form}' is not a form; the forms are {string.Join(", ", SlipForms.All.Keys)}.");
            return;
        }
        if (string.IsNullOrWhiteSpace(template.Title))
        {
            problems.Add("$.title: the slip needs a title.");
        }
        if (template.FontSize is < 6 or > 24)
        {
            problems.Add($"$.fontSize: {template.FontSize} is outside 6–24 pt.");
        }
        var m = template.Page.MarginsMm;
        if (new[] { m.Top, m.Right, m.Bottom, m.Left }.Any(v => v is < 0 or > 40))
        {
            problems.Add("$.page.marginsMm: every margin must be between 0 and 40 mm.");
        }
        if (template.Blocks.Count == 0)
        {
            problems.Add("$.blocks: the slip has no blocks.");
        }
        for (var i = 0; i < template.Blocks.Count; i++)
        {
            CheckBlock(template.Blocks[i], $"$.blocks[{i}]", fields, problems);
        }
    }

    private static void CheckBlock(SlipBlock block, string path, SlipFieldSet fields, List<string> problems)
    {
        void Text(string? text, string at, IReadOnlyDictionary<string, SlipFieldKind>? row = null) => CheckText(text, at, fields, row, problems);
        switch (block)
        {
            case HeadingBlock heading:
                CheckLines(heading.Left, path + ".left", fields, problems);
                CheckLines(heading.Right, path + ".right", fields, problems);
                break;
            case TitleBlock title:
                Text(title.Text, path + ".text");
                Text(title.Subtitle, path + ".subtitle");
                break;
            case ParagraphBlock paragraph:
                Text(paragraph.Text, path + ".text");
                break;
            case TableBlock table when !fields.Tables.TryGetValue(table.Rows, out _):
                problems.Add($"{path}.rows: form {fields.Form} has no table '{table.Rows}'; it has {Names(fields.Tables.Keys)}.");
                break;
            case TableBlock table:
                if (table.Columns.Count == 0)
                {
                    problems.Add($"{path}.columns: the table has no columns.");
                }
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    Text(column.Header, $"{path}.columns[{c}].header");
                    Text(column.Text, $"{path}.columns[{c}].text", fields.Tables[table.Rows]);
                    if (column.Width <= 0)
                    {
                        problems.Add($"{path}.columns[{c}].width: must be a positive number (widths are relative).");
                    }
                }
                Text(table.Empty, path + ".empty");
                break;
            case QrBlock qr:
                if (qr.SizeMm is < 12 or > 60)
                {
                    problems.Add($"{path}.sizeMm: {qr.SizeMm} is outside 12–60 mm (a phone must read it).");
                }
                Text(qr.Caption, path + ".caption");
                break;
            case SignaturesBlock signatures:
                if (signatures.Signers.Count is < 1 or > 3)
                {
                    problems.Add($"{path}.signers: between 1 and 3 signature columns fit on a slip.");
                }
                for (var s = 0; s < signatures.Signers.Count; s++)
                {
                    CheckLines(signatures.Signers[s].Lines, $"{path}.signers[{s}].lines", fields, problems);
                    Text(signatures.Signers[s].Name, $"{path}.signers[{s}].name");
                }
                break;
            case SpaceBlock space when space.Mm is < 0 or > 100:
                problems.Add($"{path}.mm: {space.Mm} is outside 0–100 mm.");
                break;
            default:
                break;
        }
    }

    private static void CheckLines(IReadOnlyList<SlipLine> lines, string path, SlipFieldSet fields, List<string> problems)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            CheckText(lines[i].Text, $"{path}[{i}].text", fields, null, problems);
        }
    }

    private static void CheckText(string? text, string path, SlipFieldSet fields, IReadOnlyDictionary<string, SlipFieldKind>? row, List<string> problems)
    {
        if (text is null)
        {
            return;
        }
        var parts = SlipText.Parse(text, out var problem);
        if (problem is not null)
        {
            problems.Add($"{path}: {problem}");
            return;
        }
        foreach (var part in parts.Where(p => p.IsField))
        {
            SlipFieldKind kind;
            if (row is not null && row.TryGetValue(part.Text, out var rowKind))
            {
                kind = rowKind;
            }
            else if (!fields.Fields.TryGetValue(part.Text, out kind))
            {
                var known = row is null ? fields.Fields.Keys : row.Keys.Concat(fields.Fields.Keys);
                problems.Add($"{path}: unknown field '{{{part.Text}}}'; form {fields.Form} has {Names(known)}.");
                continue;
            }
            if (part.Format is not null && !FormatWorks(kind, part.Format))
            {
                problems.Add($"{path}: '{{{part.Text}:{part.Format}}}': a format only applies to a date, time or number field, and must be a valid .NET format.");
            }
        }
    }

    private static bool FormatWorks(SlipFieldKind kind, string format)
    {
        try
        {
            _ = kind switch
            {
                SlipFieldKind.DateTime => DateTimeOffset.UnixEpoch.ToString(format, CultureInfo.InvariantCulture),
                SlipFieldKind.Date => DateOnly.MinValue.ToString(format, CultureInfo.InvariantCulture),
                SlipFieldKind.Number => 1.ToString(format, CultureInfo.InvariantCulture),
                _ => throw new FormatException("Text has no format."),
            };
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));
}
