namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// The stable codes of <see cref="BpmnProblem.Code"/>, one per rule. <c>docs/engine/bpmn-subset.md</c>
/// lists each with its message.
/// </summary>
public static class BpmnRules
{
    /// <summary>The input is not well-formed XML (message gives line and position).</summary>
    public const string XmlMalformed = "xml-malformed";

    /// <summary>The input declares a DTD or entities, which are refused (XXE, entity expansion).</summary>
    public const string XmlDtd = "xml-dtd";

    /// <summary>The input exceeds the size or nesting limit.</summary>
    public const string XmlLimit = "xml-limit";

    /// <summary>The importer itself failed (a bug); the file is refused rather than half-read.</summary>
    public const string ImportFailure = "import-failure";

    /// <summary>The root element is not BPMN 2.0 <c>definitions</c>.</summary>
    public const string NotBpmn = "not-bpmn";

    /// <summary>No process has <c>isExecutable="true"</c>.</summary>
    public const string NoExecutableProcess = "no-executable-process";

    /// <summary>An id is missing or used twice.</summary>
    public const string InvalidId = "invalid-id";

    /// <summary>An element outside the supported subset.</summary>
    public const string UnsupportedElement = "unsupported-element";

    /// <summary>An event has an unsupported, missing or multiple event definitions.</summary>
    public const string EventDefinition = "event-definition";

    /// <summary>A process or sub-process does not have exactly one none start event.</summary>
    public const string StartEventCount = "start-event-count";

    /// <summary>A sequence flow enters a start or boundary event, or leaves an end event.</summary>
    public const string FlowDirection = "flow-direction";

    /// <summary>A sequence flow lacks sourceRef/targetRef or references a node not in its scope.</summary>
    public const string FlowReference = "flow-reference";

    /// <summary>A node has no incoming flow or cannot be reached from the start event.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>A node has no outgoing flow or no path from it reaches an end event.</summary>
    public const string NoPathToEnd = "no-path-to-end";

    /// <summary>An activity or event has several outgoing flows (an implicit split).</summary>
    public const string ImplicitSplit = "implicit-split";

    /// <summary>A condition or default flow is missing, misplaced, empty or not FEEL.</summary>
    public const string Condition = "condition";

    /// <summary>An event-based gateway has a target that is not a message/timer catch event or receive task.</summary>
    public const string EventGateway = "event-gateway";

    /// <summary>A parallel fork's branches do not meet at one join, or a join closes no fork.</summary>
    public const string ParallelBlock = "parallel-block";

    /// <summary>A boundary event's host is missing or cannot carry that boundary event.</summary>
    public const string BoundaryHost = "boundary-host";

    /// <summary>A timer does not have exactly one valid timeDuration/timeDate/timeCycle.</summary>
    public const string Timer = "timer";

    /// <summary>A messageRef/errorRef names no declaration, or a declaration lacks its name/code.</summary>
    public const string Reference = "reference";

    /// <summary>A psb extension attribute has an invalid value or a required one is missing.</summary>
    public const string ExtensionAttribute = "extension-attribute";

    /// <summary>A psb extension attribute is unknown or has no effect where it is written (warning).</summary>
    public const string ExtensionIgnored = "extension-ignored";

    /// <summary>Multi-instance is on an unsupported host or lacks its collection.</summary>
    public const string MultiInstance = "multi-instance";

    /// <summary>A plain <c>task</c> does nothing (warning).</summary>
    public const string PlainTask = "plain-task";

    /// <summary>A message wait has no correlation key (warning).</summary>
    public const string NoCorrelationKey = "no-correlation-key";

    /// <summary>An error end event no enclosing boundary event catches (warning).</summary>
    public const string UncaughtError = "uncaught-error";

    /// <summary>A form key names no deployed form (deployment check).</summary>
    public const string MissingForm = "missing-form";

    /// <summary>A <c>psb:type</c> names no registered handler (deployment check).</summary>
    public const string MissingHandler = "missing-handler";

    /// <summary>A call activity names no deployed process (deployment check).</summary>
    public const string MissingCalledProcess = "missing-called-process";
}
