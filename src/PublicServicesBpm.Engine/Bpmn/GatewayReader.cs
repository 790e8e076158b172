using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads exclusive, parallel and event-based gateways.</summary>
internal static class GatewayReader
{
    public static FlowNode? Read(XElement element, string id, ImportSession session)
    {
        var type = element.Name.LocalName;
        FlowNode? gateway = type switch
        {
            "exclusiveGateway" => new ExclusiveGateway { Id = id, DefaultFlowId = element.Attribute("default")?.Value.Trim() },
            "parallelGateway" => new ParallelGateway { Id = id },
            "eventBasedGateway" => EventBased(element, id, session),
            _ => null,
        };
        if (gateway is null)
        {
            return null;
        }

        session.CheckChildren(element, id);
        var psb = new PsbAttributes(element, type, session.Problems);
        psb.CheckPlacement("dossierStatus");
        return gateway with { Name = EventReader.Name(element), DossierStatus = psb.DossierStatus() };
    }

    private static EventBasedGateway EventBased(XElement element, string id, ImportSession session)
    {
        if (element.Attribute("instantiate")?.Value.Trim() == "true"
            || element.Attribute("eventGatewayType")?.Value.Trim() == "Parallel")
        {
            session.Problems.Error(BpmnRules.UnsupportedElement, id, "eventBasedGateway",
                "Only exclusive, non-instantiating event-based gateways are supported.");
        }

        return new EventBasedGateway { Id = id };
    }
}
