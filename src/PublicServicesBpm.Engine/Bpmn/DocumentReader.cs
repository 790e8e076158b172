using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads the <c>definitions</c> root: declarations first (they may follow their users), then processes.</summary>
internal static class DocumentReader
{
    public static BpmnDocument? Read(XDocument xml, string sourceXml, ProblemList problems)
    {
        var root = xml.Root;
        if (root is null || root.Name != BpmnNames.Bpmn("definitions"))
        {
            problems.Error(BpmnRules.NotBpmn, null, "document",
                $"The root element is '{root?.Name}', not BPMN 2.0 definitions (namespace {BpmnNames.Model}).");
            return null;
        }

        var session = new ImportSession(Messages(root, problems), Errors(root, problems), problems);
        foreach (var declaration in root.Elements().Where(e => e.Name == BpmnNames.Bpmn("message") || e.Name == BpmnNames.Bpmn("error")))
        {
            session.RegisterId(declaration); // reports missing and duplicate ids; flow elements share the id space
        }

        var processes = new List<ProcessDefinition>();
        foreach (var element in root.Elements())
        {
            var name = element.Name.LocalName;
            if (element.Name == BpmnNames.Bpmn("process"))
            {
                if (ProcessReader.Read(element, session, problems) is { } process)
                {
                    processes.Add(process);
                }
            }
            else if (element.Name.Namespace == BpmnNames.Model && !ElementCatalog.DocumentaryAtRoot.Contains(name)
                && name is not ("message" or "error"))
            {
                problems.Warning(BpmnRules.UnsupportedElement, element.Attribute("id")?.Value, name,
                    $"'{name}' at definitions level is ignored by the engine.");
            }
        }

        return new BpmnDocument(
            root.Attribute("id")?.Value,
            processes,
            [.. session.Messages.Values],
            [.. session.Errors.Values],
            sourceXml,
            BpmnContentHash.Compute(xml));
    }

    private static Dictionary<string, MessageDeclaration> Messages(XElement root, ProblemList problems)
    {
        var messages = new Dictionary<string, MessageDeclaration>(StringComparer.Ordinal);
        foreach (var element in root.Elements(BpmnNames.Bpmn("message")))
        {
            var id = element.Attribute("id")?.Value.Trim();
            var name = element.Attribute("name")?.Value.Trim();
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (string.IsNullOrEmpty(name))
            {
                problems.Error(BpmnRules.Reference, id, "message", "A message needs a name: correlation matches messages by name.");
            }

            messages.TryAdd(id, new MessageDeclaration(id, string.IsNullOrEmpty(name) ? id : name));
        }

        return messages;
    }

    private static Dictionary<string, ErrorDeclaration> Errors(XElement root, ProblemList problems)
    {
        var errors = new Dictionary<string, ErrorDeclaration>(StringComparer.Ordinal);
        foreach (var element in root.Elements(BpmnNames.Bpmn("error")))
        {
            var id = element.Attribute("id")?.Value.Trim();
            var code = element.Attribute("errorCode")?.Value.Trim();
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (string.IsNullOrEmpty(code))
            {
                problems.Error(BpmnRules.Reference, id, "error", "An error needs an errorCode: catching matches errors by code.");
            }

            errors.TryAdd(id, new ErrorDeclaration(id, element.Attribute("name")?.Value, string.IsNullOrEmpty(code) ? id : code));
        }

        return errors;
    }
}
