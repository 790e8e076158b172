namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>How a field's value is printed: text as is, numbers, dates (dd/MM/yyyy) and instants (Vietnam time).</summary>
internal enum SlipFieldKind
{
    Text,
    Number,
    Date,
    DateTime,
}

/// <summary>The field names a form offers to its template: top-level fields and, per table, the fields of one row.</summary>
internal sealed record SlipFieldSet(
    string Form,
    IReadOnlyDictionary<string, SlipFieldKind> Fields,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlipFieldKind>> Tables);

/// <summary>One slip's values by field name, and its tables' rows: what a template is filled with.</summary>
internal sealed record SlipValues(
    IReadOnlyDictionary<string, object?> Fields,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Tables);

/// <summary>
/// Names each field of a slip model once, with its kind and how to read it. The same definition gives the names a
/// template may use (<see cref="Describe"/>) and the values it is filled with (<see cref="Read"/>), so the two cannot
/// drift apart.
/// </summary>
internal sealed class SlipSchema<TSlip>(string form)
{
    private readonly List<(string Name, SlipFieldKind Kind, Func<TSlip, object?> Read)> _fields = [];
    private readonly List<(string Name, IReadOnlyDictionary<string, SlipFieldKind> Fields, Func<TSlip, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Read)> _tables = [];

    public string Form { get; } = form;

    public SlipSchema<TSlip> Field(string name, SlipFieldKind kind, Func<TSlip, object?> read)
    {
        _fields.Add((name, kind, read));
        return this;
    }

    public SlipSchema<TSlip> Text(string name, Func<TSlip, string?> read) => Field(name, SlipFieldKind.Text, s => read(s));

    public SlipSchema<TSlip> Instant(string name, Func<TSlip, DateTimeOffset?> read) => Field(name, SlipFieldKind.DateTime, s => read(s));

    /// <summary>A table of rows; every row also has <c>index</c>, its number counted from 1.</summary>
    public SlipSchema<TSlip> Table<TRow>(string name, Func<TSlip, IReadOnlyList<TRow>> rows, SlipSchema<TRow> row)
    {
        var fields = new Dictionary<string, SlipFieldKind>(StringComparer.Ordinal) { ["index"] = SlipFieldKind.Number };
        foreach (var (key, kind) in row.Describe().Fields)
        {
            fields[key] = kind;
        }
        _tables.Add((name, fields, slip => [.. rows(slip).Select((r, i) => IndexedRow(row.Read(r).Fields, i + 1))]));
        return this;
    }

    public SlipFieldSet Describe() => new(
        Form,
        _fields.ToDictionary(f => f.Name, f => f.Kind, StringComparer.Ordinal),
        _tables.ToDictionary(t => t.Name, t => t.Fields, StringComparer.Ordinal));

    public SlipValues Read(TSlip slip) => new(
        _fields.ToDictionary(f => f.Name, f => f.Read(slip), StringComparer.Ordinal),
        _tables.ToDictionary(t => t.Name, t => t.Read(slip), StringComparer.Ordinal));

    private static Dictionary<string, object?> IndexedRow(IReadOnlyDictionary<string, object?> fields, int index) =>
        new(fields, StringComparer.Ordinal) { ["index"] = index };
}
