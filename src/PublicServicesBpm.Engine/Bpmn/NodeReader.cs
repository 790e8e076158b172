using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Turns one flow element of a scope into a node, or reports why it cannot be one.</summary>
internal static class NodeReader
{
    public static FlowNode? Read(XElement element, string id, ImportSession session)
    {
        var node = EventReader.Read(element, id, session)
            ?? ActivityReader.Read(element, id, session)
            ?? GatewayReader.Read(element, id, session);
        if (node is not null)
        {
            return node;
        }

        var type = element.Name.LocalName;
        session.Problems.Error(BpmnRules.UnsupportedElement, id, type, $"Unsupported element: {ElementCatalog.ReasonFor(type)}.");

        // A placeholder keeps the graph whole, so flows to it do not cause follow-up "missing node" errors.
        return new UnsupportedNode { Id = id, Name = EventReader.Name(element), OriginalType = type };
    }
}
