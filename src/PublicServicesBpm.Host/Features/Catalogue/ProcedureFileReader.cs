using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>A problem in a procedure document: the JSON path of the property (<c>$.cases[0].timeLimits</c>) and what is wrong.</summary>
internal sealed record ProcedureProblem(string Path, string Message)
{
    public override string ToString() => Path + ": " + Message;
}

/// <summary>
/// Reads a <c>procedure.json</c> strictly: plain JSON (no comments, no trailing commas), no unknown properties except
/// <c>$comment</c>, every required property present and of the right type, then the rules of
/// <see cref="ProcedureRules"/>. All problems are reported at once, each with its property path.
/// </summary>
internal static class ProcedureFileReader
{
    /// <summary>Largest document accepted (a procedure with many cases is a few tens of kilobytes).</summary>
    public const int MaxBytes = 512 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static (ProcedureDocument? Document, IReadOnlyList<ProcedureProblem> Problems) Read(string text)
    {
        if (text.Length > MaxBytes)
        {
            return (null, [new("$", $"The document is larger than {MaxBytes / 1024} KB.")]);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            return (null, [new(exception.Path ?? "$", "Not valid JSON: " + FirstSentence(exception.Message))]);
        }
        var problems = new List<ProcedureProblem>();
        CheckShape(root, typeof(ProcedureDocument), "$", problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        ProcedureDocument? document;
        try
        {
            document = root.Deserialize<ProcedureDocument>(Json);
        }
        catch (JsonException exception)
        {
            return (null, [new(exception.Path ?? "$", "Has the wrong type or format (dates are yyyy-MM-dd, numbers unquoted).")]);
        }
        if (document is null)
        {
            return (null, [new("$", "The document is empty.")]);
        }
        ProcedureRules.Check(document, problems);
        return problems.Count > 0 ? (null, problems) : (document, []);
    }

    /// <summary>Unknown and missing properties, walking the JSON against the records' properties.</summary>
    private static void CheckShape(JsonNode? node, Type type, string path, List<ProcedureProblem> problems)
    {
        var elementType = ListElement(type);
        if (elementType is not null)
        {
            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    CheckShape(array[i], elementType, $"{path}[{i}]", problems);
                }
            }
            else if (node is not null)
            {
                problems.Add(new(path, "Must be a list."));
            }
            return;
        }
        if (!IsRecord(type))
        {
            return;
        }
        if (node is not JsonObject obj)
        {
            problems.Add(new(path, "Must be an object."));
            return;
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            if (!properties.TryGetValue(name, out var property))
            {
                problems.Add(new($"{path}.{name}", "Unknown property."));
                continue;
            }
            CheckShape(value, property.PropertyType, $"{path}.{name}", problems);
        }
        foreach (var (name, property) in properties)
        {
            if (property.GetCustomAttribute<RequiredMemberAttribute>() is not null && (!obj.TryGetPropertyValue(name, out var value) || value is null))
            {
                problems.Add(new($"{path}.{name}", "Required."));
            }
        }
    }

    private static bool IsRecord(Type type) => type.Namespace == typeof(ProcedureDocument).Namespace && type.IsClass;

    private static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static string FirstSentence(string message) => message.Split(". ", 2)[0] + ".";
}
