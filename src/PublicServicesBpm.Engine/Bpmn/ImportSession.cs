using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// The state shared while reading one document: declarations, the id registry and where problems go.
/// Each process gets its own problem list so that a non-executable (documentary) pool can be read
/// leniently: its problems are dropped.
/// </summary>
internal sealed class ImportSession
{
    private readonly HashSet<string> _ids;

    public ImportSession(
        IReadOnlyDictionary<string, MessageDeclaration> messages,
        IReadOnlyDictionary<string, ErrorDeclaration> errors,
        ProblemList problems)
        : this(messages, errors, problems, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, CandidateGroups>())
    {
    }

    private ImportSession(
        IReadOnlyDictionary<string, MessageDeclaration> messages,
        IReadOnlyDictionary<string, ErrorDeclaration> errors,
        ProblemList problems,
        HashSet<string> ids,
        IReadOnlyDictionary<string, CandidateGroups> laneGroups)
    {
        Messages = messages;
        Errors = errors;
        Problems = problems;
        _ids = ids;
        LaneGroups = laneGroups;
    }

    public IReadOnlyDictionary<string, MessageDeclaration> Messages { get; }

    public IReadOnlyDictionary<string, ErrorDeclaration> Errors { get; }

    public ProblemList Problems { get; }

    /// <summary>Default candidate groups by node id, from the innermost lane that sets them.</summary>
    public IReadOnlyDictionary<string, CandidateGroups> LaneGroups { get; }

    /// <summary>A session for one process: fresh problems and lane defaults, shared declarations and ids.</summary>
    public ImportSession ForProcess(ProblemList problems, IReadOnlyDictionary<string, CandidateGroups> laneGroups) =>
        new(Messages, Errors, problems, _ids, laneGroups);

    /// <summary>Registers the element's id; reports a missing or duplicate id and then returns null.</summary>
    public string? RegisterId(XElement element)
    {
        var id = element.Attribute("id")?.Value.Trim();
        var type = element.Name.LocalName;
        if (string.IsNullOrEmpty(id))
        {
            Problems.Error(BpmnRules.InvalidId, null, type, $"A {type} has no id (line {Line(element)}); every element the engine reads needs one.");
            return null;
        }

        if (!_ids.Add(id))
        {
            Problems.Error(BpmnRules.InvalidId, id, type, $"The id '{id}' is used more than once (line {Line(element)}); ids must be unique in the file.");
            return null;
        }

        return id;
    }

    public MessageDeclaration ResolveMessage(string? messageRef, string ownerId, string ownerType)
    {
        if (string.IsNullOrWhiteSpace(messageRef))
        {
            Problems.Error(BpmnRules.Reference, ownerId, ownerType, "The message wait needs a messageRef naming a message declared in the definitions.");
            return new MessageDeclaration(string.Empty, string.Empty);
        }

        if (Messages.TryGetValue(messageRef, out var message))
        {
            return message;
        }

        Problems.Error(BpmnRules.Reference, ownerId, ownerType, $"messageRef '{messageRef}' does not name a message declared in the definitions.");
        return new MessageDeclaration(messageRef, messageRef);
    }

    public ErrorDeclaration? ResolveError(string? errorRef, string ownerId, string ownerType)
    {
        if (string.IsNullOrWhiteSpace(errorRef))
        {
            return null;
        }

        if (Errors.TryGetValue(errorRef, out var error))
        {
            return error;
        }

        Problems.Error(BpmnRules.Reference, ownerId, ownerType, $"errorRef '{errorRef}' does not name an error declared in the definitions.");
        return new ErrorDeclaration(errorRef, null, errorRef);
    }

    /// <summary>Reports BPMN child elements that are neither expected nor documentary.</summary>
    public void CheckChildren(XElement element, string ownerId, params string[] expected)
    {
        foreach (var child in element.Elements().Where(c => c.Name.Namespace == BpmnNames.Model))
        {
            var name = child.Name.LocalName;
            if (!expected.Contains(name) && !ElementCatalog.DocumentaryInNode.Contains(name))
            {
                Problems.Error(BpmnRules.UnsupportedElement, ownerId, element.Name.LocalName,
                    $"Contains '{name}': {ElementCatalog.ReasonFor(name)}.");
            }
        }
    }

    public static int Line(XObject node) => node is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
