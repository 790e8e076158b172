namespace PublicServicesBpm.Forms;

/// <summary>
/// The shape of the data a form binds: which object properties hold a field's value, which are
/// objects (group paths, dotted keys) and which are lists of items (dynamic lists). Built while the
/// schema is read, it finds overlapping bindings (form-js's path registry refuses them too) and
/// later tells the validator which submitted properties are unknown.
/// </summary>
internal sealed class DataShape
{
    private readonly Dictionary<string, DataShape> _children = new(StringComparer.Ordinal);

    private DataShape(DataShapeKind kind) => Kind = kind;

    public DataShapeKind Kind { get; }

    /// <summary>For a list: the shape of each item.</summary>
    public DataShape? Item { get; private init; }

    public IReadOnlyDictionary<string, DataShape> Children => _children;

    public static DataShape NewObject() => new(DataShapeKind.Object);

    /// <summary>
    /// Claims <paramref name="segments"/> below this object for a value, an object or a list.
    /// Returns the claimed node (for an object or list, where children claim next), or null when the
    /// path overlaps an earlier claim. Two groups may share an object path; nothing else may share.
    /// </summary>
    public DataShape? Claim(IReadOnlyList<string> segments, DataShapeKind kind)
    {
        if (segments.Count == 0)
        {
            return kind == DataShapeKind.Object ? this : null;
        }

        var node = this;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (!node._children.TryGetValue(segments[i], out var next))
            {
                next = NewObject();
                node._children[segments[i]] = next;
            }
            else if (next.Kind != DataShapeKind.Object)
            {
                // Through a field's value, or into a list's items from outside the list.
                return null;
            }

            node = next;
        }

        var last = segments[^1];
        if (node._children.TryGetValue(last, out var existing))
        {
            return kind == DataShapeKind.Object && existing.Kind == DataShapeKind.Object ? existing : null;
        }

        var claimed = kind == DataShapeKind.List ? new DataShape(DataShapeKind.List) { Item = NewObject() } : new DataShape(kind);
        node._children[last] = claimed;
        return claimed;
    }
}

/// <summary>What a data path holds.</summary>
internal enum DataShapeKind
{
    /// <summary>One field's value.</summary>
    Value,

    /// <summary>An object whose properties are bound below.</summary>
    Object,

    /// <summary>A list of objects (a dynamic list).</summary>
    List,
}
