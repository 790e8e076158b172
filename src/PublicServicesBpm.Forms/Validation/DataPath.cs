using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>
/// An absolute path to a value in form data: property names and list indexes, e.g.
/// <c>members[2].name</c>. Immutable.
/// </summary>
internal sealed class DataPath
{
    private readonly object[] _segments;

    private DataPath(object[] segments) => _segments = segments;

    public static DataPath Root { get; } = new([]);

    public bool IsRoot => _segments.Length == 0;

    public DataPath Append(IReadOnlyList<string> names) => names.Count == 0 ? this : new DataPath([.. _segments, .. names]);

    public DataPath Append(int index) => new([.. _segments, index]);

    /// <summary>The value at this path, or null when any step is missing or of the wrong kind.</summary>
    public JsonNode? Get(JsonNode? root)
    {
        var node = root;
        foreach (var segment in _segments)
        {
            node = (segment, node) switch
            {
                (string name, JsonObject map) => map[name],
                (int index, JsonArray list) when index < list.Count => list[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Whether the path leads to a property that is present (possibly holding null).</summary>
    public bool Exists(JsonNode? root)
    {
        if (_segments.Length == 0)
        {
            return root is not null;
        }

        var parent = new DataPath(_segments[..^1]).Get(root);
        return (_segments[^1], parent) switch
        {
            (string name, JsonObject map) => map.ContainsKey(name),
            (int index, JsonArray list) => index < list.Count,
            _ => false,
        };
    }

    /// <summary>Sets a value, creating objects (and, for index steps, lists padded with nulls) on the way.</summary>
    public void Set(JsonObject root, JsonNode? value)
    {
        JsonNode container = root;
        for (var i = 0; i < _segments.Length; i++)
        {
            var last = i == _segments.Length - 1;
            var next = last ? null : _segments[i + 1];
            JsonNode? Create() => next is int ? new JsonArray() : new JsonObject();
            switch (_segments[i], container)
            {
                case (string name, JsonObject map):
                    if (last)
                    {
                        map[name] = value;
                        return;
                    }

                    if (map[name] is not (JsonObject or JsonArray) || (next is int) != map[name] is JsonArray)
                    {
                        map[name] = Create();
                    }

                    container = map[name]!;
                    break;
                case (int index, JsonArray list):
                    while (list.Count <= index)
                    {
                        list.Add(null);
                    }

                    if (last)
                    {
                        list[index] = value;
                        return;
                    }

                    if (list[index] is not (JsonObject or JsonArray) || (next is int) != list[index] is JsonArray)
                    {
                        list[index] = Create();
                    }

                    container = list[index]!;
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>
    /// Removes the value and then every ancestor left empty (an object without properties, a list of
    /// nulls only), as form-js's condition checker does. Returns the first (top-level) property name.
    /// </summary>
    public string? Remove(JsonObject root)
    {
        if (_segments.Length == 0)
        {
            return null;
        }

        for (var length = _segments.Length; length > 0; length--)
        {
            var parent = new DataPath(_segments[..(length - 1)]).Get(root);
            var removed = (_segments[length - 1], parent) switch
            {
                (string name, JsonObject map) => map.Remove(name),
                (int index, JsonArray list) when index < list.Count => SetNull(list, index),
                _ => false,
            };
            if (!removed || length == 1 || !IsEmpty(new DataPath(_segments[..(length - 1)]).Get(root)))
            {
                break;
            }
        }

        return _segments[0] as string;
    }

    private static bool SetNull(JsonArray list, int index)
    {
        list[index] = null;
        return true;
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        JsonObject map => map.Count == 0,
        JsonArray list => list.All(item => item is null),
        _ => false,
    };

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment is int index)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                text.Append(text.Length == 0 ? string.Empty : ".").Append((string)segment);
            }
        }

        return text.ToString();
    }
}
