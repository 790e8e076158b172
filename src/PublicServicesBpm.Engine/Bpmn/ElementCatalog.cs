using System.Collections.Frozen;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Which BPMN elements are documentary (kept in the XML, ignored by execution) and why the known
/// unsupported ones are refused. Anything neither supported nor documentary is an error, never ignored.
/// </summary>
internal static class ElementCatalog
{
    /// <summary>Elements inside a process or sub-process that only the diagram uses.</summary>
    public static readonly FrozenSet<string> DocumentaryInScope = FrozenSet.Create(
    [
        "documentation", "extensionElements", "textAnnotation", "association", "group", "dataObject",
        "dataObjectReference", "dataStoreReference", "property", "ioSpecification", "auditing", "monitoring",
        "laneSet", "correlationSubscription", "supports",
    ]);

    /// <summary>Elements inside a flow node that only the diagram uses (or that we read separately).</summary>
    public static readonly FrozenSet<string> DocumentaryInNode = FrozenSet.Create(
    [
        "documentation", "extensionElements", "incoming", "outgoing", "dataInputAssociation",
        "dataOutputAssociation", "ioSpecification", "property", "auditing", "monitoring", "dataInput",
        "dataOutput", "inputSet", "outputSet",
    ]);

    /// <summary>Definitions-level elements that carry no execution semantics for us.</summary>
    public static readonly FrozenSet<string> DocumentaryAtRoot = FrozenSet.Create(
    [
        "documentation", "extensionElements", "collaboration", "itemDefinition", "category", "dataStore",
        "signal", "escalation", "resource", "interface", "endPoint", "partnerRole", "partnerEntity", "import",
        "relationship", "correlationProperty",
    ]);

    private static readonly FrozenDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["inclusiveGateway"] = "inclusive gateways are not supported; use exclusive gateways or a parallel block",
        ["complexGateway"] = "complex gateways are not supported",
        ["transaction"] = "transactions (and their compensation) are not supported",
        ["adHocSubProcess"] = "ad-hoc sub-processes are not supported",
        ["scriptTask"] = "script tasks are not supported; use a serviceTask with a registered handler (psb:type)",
        ["businessRuleTask"] = "business rule tasks are not supported; use an exclusive gateway or a serviceTask",
        ["intermediateThrowEvent"] = "intermediate throw events are not supported; use a sendTask, or psb:dossierStatus on the next node",
        ["callChoreography"] = "choreographies are not supported",
        ["subChoreography"] = "choreographies are not supported",
        ["choreographyTask"] = "choreographies are not supported",
        ["standardLoopCharacteristics"] = "standard loops are not supported; use multi-instance or a loop through an exclusive gateway",
        ["signalEventDefinition"] = "signal events are not supported",
        ["conditionalEventDefinition"] = "conditional events are not supported",
        ["escalationEventDefinition"] = "escalation events are not supported",
        ["linkEventDefinition"] = "link events are not supported; draw the sequence flow",
        ["compensateEventDefinition"] = "compensation is not supported",
        ["cancelEventDefinition"] = "cancel events (transactions) are not supported",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string ReasonFor(string localName) =>
        Reasons.TryGetValue(localName, out var reason)
            ? reason
            : $"'{localName}' is not part of the supported BPMN subset";
}
