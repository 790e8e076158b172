using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PublicServicesBpm.Forms;

/// <summary>
/// Reads a form-js schema into <see cref="FormComponent"/>s, collecting every problem instead of
/// stopping at the first, so that a designer sees all of them at once. One reader per schema.
/// </summary>
internal sealed partial class FormSchemaReader
{
    // form-js's JSON schema: key "^\w+(\.\w+)*$", path "^(\w+(\.\w+)*)*$"; JavaScript's \w is ASCII.
    private static readonly Regex KeyShape = new(@"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$", RegexOptions.CultureInvariant);

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly List<FormProblem> _problems = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _count;

    public FormSchemaParseResult Read(string json)
    {
        if (json.Length > FormSchema.MaxLength)
        {
            return Fail(FormProblem.Create(string.Empty, FormProblemCodes.TooLarge, $"{FormSchema.MaxLength} characters"));
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            return Fail(FormProblem.Create(string.Empty, FormProblemCodes.InvalidJson, e.Message));
        }

        if (root is not JsonObject form || !IsString(form["type"], "default") || form["components"] is not JsonArray components)
        {
            return Fail(FormProblem.Create(string.Empty, FormProblemCodes.NotAForm));
        }

        var id = ReadOptionalString(form, "id", string.Empty);
        int? schemaVersion = null;
        if (form["schemaVersion"] is { } version)
        {
            if (version.GetValueKind() == JsonValueKind.Number && version.AsValue().TryGetValue<int>(out var number) && number >= 1)
            {
                schemaVersion = number;
            }
            else
            {
                Problem(string.Empty, FormProblemCodes.InvalidProperty, "schemaVersion", "a positive integer / một số nguyên dương");
            }
        }

        var shape = DataShape.NewObject();
        var read = ReadComponents(components, string.Empty, shape, nesting: 0, insideList: false);
        return _problems.Count == 0 ? new FormSchemaParseResult(new FormSchema(id, schemaVersion, read, shape, json), []) : new FormSchemaParseResult(null, _problems);
    }

    private static FormSchemaParseResult Fail(FormProblem problem) => new(null, [problem]);

    private List<FormComponent> ReadComponents(JsonArray array, string parentLocation, DataShape scope, int nesting, bool insideList)
    {
        var result = new List<FormComponent>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var location = $"{parentLocation}{(parentLocation.Length == 0 ? string.Empty : ".")}components[{i}]";
            if (ReadComponent(array[i], location, scope, nesting, insideList) is { } component)
            {
                result.Add(component);
            }
        }

        return result;
    }

    private FormComponent? ReadComponent(JsonNode? node, string position, DataShape scope, int nesting, bool insideList)
    {
        if (node is not JsonObject json)
        {
            Problem(position, FormProblemCodes.InvalidProperty, "component", "an object / một đối tượng");
            return null;
        }

        if (++_count == FormSchema.MaxComponents + 1)
        {
            Problem(position, FormProblemCodes.TooLarge, $"{FormSchema.MaxComponents} components");
        }

        var id = ReadOptionalString(json, "id", position);
        var key = ReadOptionalString(json, "key", position);
        var location = Describe(position, id, key);
        var type = ReadOptionalString(json, "type", location);
        if (type is null)
        {
            Problem(location, FormProblemCodes.UnknownType, "(none)");
            return null;
        }

        if (FormComponentTypes.TryGetRefusal(type, out var refusal))
        {
            var (vi, en) = FormMessages.Format(FormProblemCodes.UnsupportedType, type, string.Empty);
            _problems.Add(new FormProblem(location, FormProblemCodes.UnsupportedType, vi + refusal.Vi, en + refusal.En));
            return null;
        }

        if (!FormComponentTypes.TryGetKind(type, out var kind))
        {
            Problem(location, FormProblemCodes.UnknownType, type);
            return null;
        }

        if (id is not null && !_ids.Add(id))
        {
            Problem(location, FormProblemCodes.DuplicateId, id);
        }

        CheckExpressions(json, location);
        return kind switch
        {
            FormComponentKind.Input => ReadInput(json, type, id, key, location, scope, insideList),
            FormComponentKind.Group or FormComponentKind.DynamicList => ReadContainer(json, type, kind, id, position, location, scope, nesting, insideList),
            _ => ReadPresentation(json, type, id, location),
        };
    }

    private FormComponent ReadInput(JsonObject json, string type, string? id, string? key, string location, DataShape scope, bool insideList)
    {
        string[] segments = [];
        if (string.IsNullOrEmpty(key))
        {
            Problem(location, FormProblemCodes.MissingKey);
        }
        else if (!KeyShape.IsMatch(key))
        {
            Problem(location, FormProblemCodes.InvalidKey, key);
        }
        else
        {
            segments = key.Split('.');
            if (scope.Claim(segments, DataShapeKind.Value) is null)
            {
                Problem(location, FormProblemCodes.DuplicateKey, key);
            }
        }

        var properties = ReadProperties(json, location);
        var component = new FormComponent
        {
            Type = type,
            Kind = FormComponentKind.Input,
            Id = id,
            Key = key,
            Label = ReadOptionalString(json, "label", location),
            Location = location,
            ValueSegments = segments,
            Validate = ReadValidate(json, type, location),
            Hide = ReadHide(json, location),
            Disabled = ReadOptionalBool(json, "disabled", location),
            Properties = properties,
            Prefill = ReadPrefill(properties, type, location, insideList),
        };
        return type switch
        {
            "number" => WithNumberSettings(component, json),
            "datetime" => WithDateTimeSettings(component, json),
            "select" or "radio" or "checklist" or "taglist" => WithOptions(component, json),
            "filepicker" => WithFileSettings(component, json),
            "expression" => WithExpression(component, json),
            _ => component,
        };
    }

    private FormComponent ReadContainer(JsonObject json, string type, FormComponentKind kind, string? id, string position, string location, DataShape scope, int nesting, bool insideList)
    {
        if (nesting + 1 > FormSchema.MaxNesting)
        {
            Problem(location, FormProblemCodes.TooLarge, $"{FormSchema.MaxNesting} nested groups");
            return new FormComponent { Type = type, Kind = kind, Id = id, Location = location };
        }

        var path = ReadOptionalString(json, "path", location);
        string[] segments = [];
        DataShape? inner = scope;
        if (string.IsNullOrEmpty(path))
        {
            if (kind == FormComponentKind.DynamicList)
            {
                Problem(location, FormProblemCodes.MissingPath);
                inner = null;
            }
        }
        else if (!KeyShape.IsMatch(path))
        {
            Problem(location, FormProblemCodes.InvalidKey, path);
            inner = null;
        }
        else
        {
            segments = path.Split('.');
            var claimed = scope.Claim(segments, kind == FormComponentKind.DynamicList ? DataShapeKind.List : DataShapeKind.Object);
            if (claimed is null)
            {
                Problem(location, FormProblemCodes.DuplicateKey, path);
            }

            inner = kind == FormComponentKind.DynamicList ? claimed?.Item : claimed;
        }

        var children = json["components"] switch
        {
            null => [],
            JsonArray array => ReadComponents(array, position, inner ?? DataShape.NewObject(), nesting + 1, insideList || kind == FormComponentKind.DynamicList),
            _ => InvalidComponents(location),
        };
        var properties = ReadProperties(json, location);
        return new FormComponent
        {
            Type = type,
            Kind = kind,
            Id = id,
            Path = path,
            Label = ReadOptionalString(json, "label", location),
            Location = location,
            Components = children,
            ValueSegments = segments,
            Hide = ReadHide(json, location),
            Properties = properties,
            Prefill = ReadPrefill(properties, type, location, insideList),
        };
    }

    private List<FormComponent> InvalidComponents(string location)
    {
        Problem(location, FormProblemCodes.InvalidProperty, "components", "a list / một danh sách");
        return [];
    }

    private FormComponent ReadPresentation(JsonObject json, string type, string? id, string location)
    {
        if (json["validate"] is not null)
        {
            Problem(location, FormProblemCodes.InvalidRule, "validate", $"not allowed on {type} / không dùng cho {type}");
        }

        var properties = ReadProperties(json, location);
        return new FormComponent
        {
            Type = type,
            Kind = FormComponentKind.Presentation,
            Id = id,
            Label = ReadOptionalString(json, "label", location),
            Location = location,
            Hide = ReadHide(json, location),
            Properties = properties,
            Prefill = ReadPrefill(properties, type, location, insideList: false),
        };
    }

    private static string Describe(string position, string? id, string? key) =>
        (id, key) switch
        {
            (null, null) => position,
            (_, null) => $"{position}(id={id})",
            (null, _) => $"{position}(key={key})",
            _ => $"{position}(id={id}, key={key})",
        };

    private void Problem(string location, string code, params object?[] arguments) => _problems.Add(FormProblem.Create(location, code, arguments));

    private static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == expected;
}
