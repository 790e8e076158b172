using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads the flow elements directly inside a process or an embedded sub-process.</summary>
internal static class ScopeReader
{
    public static FlowScope Read(XElement container, string scopeId, ImportSession session)
    {
        var nodes = new List<FlowNode>();
        var flows = new List<SequenceFlow>();
        foreach (var element in container.Elements())
        {
            var name = element.Name.LocalName;
            if (element.Name.Namespace != BpmnNames.Model || ElementCatalog.DocumentaryInScope.Contains(name)
                || ElementCatalog.DocumentaryInNode.Contains(name) || name == "multiInstanceLoopCharacteristics")
            {
                // Other vendors' elements, diagram-only elements, and the sub-process's own characteristics.
                continue;
            }

            if (name == "standardLoopCharacteristics")
            {
                session.Problems.Error(BpmnRules.UnsupportedElement, scopeId, container.Name.LocalName,
                    $"Contains '{name}': {ElementCatalog.ReasonFor(name)}.");
                continue;
            }

            if (session.RegisterId(element) is not { } id)
            {
                continue;
            }

            if (name == "sequenceFlow")
            {
                if (SequenceFlowReader.Read(element, id, session) is { } flow)
                {
                    flows.Add(flow);
                }
            }
            else if (NodeReader.Read(element, id, session) is { } node)
            {
                nodes.Add(node);
            }
        }

        return new FlowScope(scopeId, nodes, flows);
    }
}
