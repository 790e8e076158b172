using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads start, end, intermediate catch and boundary events.</summary>
internal static class EventReader
{
    public static FlowNode? Read(XElement element, string id, ImportSession session) => element.Name.LocalName switch
    {
        "startEvent" => Start(element, id, session),
        "endEvent" => End(element, id, session),
        "intermediateCatchEvent" => Catch(element, id, session),
        "boundaryEvent" => Boundary(element, id, session),
        _ => null,
    };

    private static StartEvent Start(XElement element, string id, ImportSession session)
    {
        var psb = new PsbAttributes(element, "startEvent", session.Problems);
        psb.CheckPlacement("formKey", "formBinding", "dossierStatus");
        if (Definition(element, id, session) is { } definition)
        {
            Refuse(definition, id, "startEvent", session,
                "only none start events are supported; instances are started through the engine API");
        }

        return new StartEvent
        {
            Id = id,
            Name = Name(element),
            DossierStatus = psb.DossierStatus(),
            FormKey = psb.Key("formKey"),
            FormBinding = psb.FormBinding(),
        };
    }

    private static EndEvent End(XElement element, string id, ImportSession session)
    {
        var psb = new PsbAttributes(element, "endEvent", session.Problems);
        psb.CheckPlacement("dossierStatus");
        var node = new EndEvent { Id = id, Name = Name(element), DossierStatus = psb.DossierStatus() };
        var definition = Definition(element, id, session);
        switch (definition?.Name.LocalName)
        {
            case null:
                return node;
            case "terminateEventDefinition":
                return node with { Kind = EndEventKind.Terminate };
            case "errorEventDefinition":
                var errorRef = definition.Attribute("errorRef")?.Value;
                if (string.IsNullOrWhiteSpace(errorRef))
                {
                    session.Problems.Error(BpmnRules.Reference, id, "endEvent", "An error end event needs an errorRef naming the error it throws.");
                }

                return node with { Kind = EndEventKind.Error, Error = session.ResolveError(errorRef, id, "endEvent") };
            default:
                Refuse(definition, id, "endEvent", session, "end events may be none, terminate or error only");
                return node;
        }
    }

    private static FlowNode Catch(XElement element, string id, ImportSession session)
    {
        var definition = Definition(element, id, session);
        var trigger = definition is null ? null : Trigger(element, definition, id, "intermediateCatchEvent", session, allowError: false);
        if (definition is null)
        {
            session.Problems.Error(BpmnRules.EventDefinition, id, "intermediateCatchEvent",
                "An intermediate catch event needs a timer or message definition.");
        }

        if (trigger is null)
        {
            return new UnsupportedNode { Id = id, Name = Name(element), OriginalType = "intermediateCatchEvent" };
        }

        var psb = new PsbAttributes(element, "intermediateCatchEvent", session.Problems);
        return new IntermediateCatchEvent { Id = id, Name = Name(element), DossierStatus = psb.DossierStatus(), Trigger = trigger };
    }

    private static FlowNode Boundary(XElement element, string id, ImportSession session)
    {
        var attachedToRef = element.Attribute("attachedToRef")?.Value.Trim();
        if (string.IsNullOrEmpty(attachedToRef))
        {
            session.Problems.Error(BpmnRules.BoundaryHost, id, "boundaryEvent", "A boundary event needs attachedToRef naming its host activity.");
        }

        var definition = Definition(element, id, session);
        var trigger = definition is null ? null : Trigger(element, definition, id, "boundaryEvent", session, allowError: true);
        if (definition is null)
        {
            session.Problems.Error(BpmnRules.EventDefinition, id, "boundaryEvent", "A boundary event needs a timer, message or error definition.");
        }

        var cancelActivity = element.Attribute("cancelActivity")?.Value.Trim() != "false";
        if (trigger is ErrorTrigger && !cancelActivity)
        {
            session.Problems.Error(BpmnRules.EventDefinition, id, "boundaryEvent",
                "An error boundary event is always interrupting; remove cancelActivity=\"false\".");
        }

        var psb = new PsbAttributes(element, "boundaryEvent", session.Problems);
        return trigger is null || string.IsNullOrEmpty(attachedToRef)
            ? new UnsupportedNode { Id = id, Name = Name(element), OriginalType = "boundaryEvent" }
            : new BoundaryEvent
            {
                Id = id,
                Name = Name(element),
                DossierStatus = psb.DossierStatus(),
                AttachedToRef = attachedToRef,
                CancelActivity = cancelActivity,
                Trigger = trigger,
            };
    }

    private static EventTrigger? Trigger(XElement element, XElement definition, string id, string type, ImportSession session, bool allowError)
    {
        var psb = new PsbAttributes(element, type, session.Problems);
        switch (definition.Name.LocalName)
        {
            case "timerEventDefinition":
                psb.CheckPlacement("calendar", "dossierStatus");
                return TimerReader.Read(definition, id, type, psb.Calendar(), session.Problems);
            case "messageEventDefinition":
                psb.CheckPlacement("correlationKey", "dossierStatus");
                var message = session.ResolveMessage(definition.Attribute("messageRef")?.Value, id, type);
                return new MessageTrigger(message, CorrelationKey(psb, id, type, session));
            case "errorEventDefinition" when allowError:
                psb.CheckPlacement("dossierStatus");
                return new ErrorTrigger(session.ResolveError(definition.Attribute("errorRef")?.Value, id, type));
            default:
                Refuse(definition, id, type, session, allowError
                    ? "boundary events may be timer, message or error only"
                    : "intermediate catch events may be timer or message only");
                return null;
        }
    }

    public static ExpressionText? CorrelationKey(PsbAttributes psb, string id, string type, ImportSession session)
    {
        var key = psb.Expression("correlationKey");
        if (key is null)
        {
            session.Problems.Warning(BpmnRules.NoCorrelationKey, id, type,
                "No psb:correlationKey: the message correlates by name only, so only one dossier at a time can wait for it.");
        }

        return key;
    }

    /// <summary>The single event definition, or null for a none event; several definitions are reported.</summary>
    private static XElement? Definition(XElement element, string id, ImportSession session)
    {
        var definitions = element.Elements()
            .Where(e => e.Name.Namespace == BpmnNames.Model
                && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef"))
            .ToList();
        session.CheckChildren(element, id, [.. definitions.Select(d => d.Name.LocalName)]);
        if (definitions.Count > 1)
        {
            session.Problems.Error(BpmnRules.EventDefinition, id, element.Name.LocalName,
                $"Has {definitions.Count} event definitions; events with several triggers are not supported.");
        }

        return definitions.FirstOrDefault();
    }

    private static void Refuse(XElement definition, string id, string type, ImportSession session, string context)
    {
        var name = definition.Name.LocalName;
        var reason = name is "eventDefinitionRef" or "messageEventDefinition" or "timerEventDefinition" or "errorEventDefinition" or "terminateEventDefinition"
            ? context
            : ElementCatalog.ReasonFor(name);
        session.Problems.Error(BpmnRules.EventDefinition, id, type, $"Unsupported '{name}': {reason}.");
    }

    internal static string? Name(XElement element) => element.Attribute("name")?.Value;
}
