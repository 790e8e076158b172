namespace PublicServicesBpm.Engine.Definitions;

/// <summary>
/// The nodes and sequence flows of one scope: a process or an embedded sub-process. Lookups are
/// precomputed; lists keep document order so that, e.g., exclusive gateway conditions are evaluated in
/// the order they were written.
/// </summary>
public sealed class FlowScope
{
    private static readonly IReadOnlyList<SequenceFlow> NoFlows = [];
    private static readonly IReadOnlyList<BoundaryEvent> NoBoundaryEvents = [];

    private readonly Dictionary<string, FlowNode> _nodesById;
    private readonly Dictionary<string, SequenceFlow> _flowsById;
    private readonly Dictionary<string, List<SequenceFlow>> _outgoing = [];
    private readonly Dictionary<string, List<SequenceFlow>> _incoming = [];
    private readonly Dictionary<string, List<BoundaryEvent>> _boundaryEvents = [];

    /// <summary>Creates a scope; ids must be unique (flows may reference ids that are not nodes).</summary>
    /// <param name="id">The process key or the sub-process id.</param>
    /// <param name="nodes">The nodes in document order.</param>
    /// <param name="flows">The sequence flows in document order.</param>
    /// <exception cref="ArgumentException">A node or flow id occurs twice.</exception>
    public FlowScope(string id, IEnumerable<FlowNode> nodes, IEnumerable<SequenceFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Nodes = [.. nodes];
        SequenceFlows = [.. flows];
        _nodesById = Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        _flowsById = SequenceFlows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var flow in SequenceFlows)
        {
            Add(_outgoing, flow.SourceRef, flow);
            Add(_incoming, flow.TargetRef, flow);
        }

        var starts = Nodes.OfType<StartEvent>().Take(2).ToList();
        StartEvent = starts.Count == 1 ? starts[0] : null;
        foreach (var boundary in Nodes.OfType<BoundaryEvent>())
        {
            Add(_boundaryEvents, boundary.AttachedToRef, boundary);
        }
    }

    /// <summary>The process key or the sub-process id.</summary>
    public string Id { get; }

    /// <summary>The nodes of this scope (not of nested sub-processes), in document order.</summary>
    public IReadOnlyList<FlowNode> Nodes { get; }

    /// <summary>The sequence flows of this scope, in document order.</summary>
    public IReadOnlyList<SequenceFlow> SequenceFlows { get; }

    /// <summary>The single none start event, or <see langword="null"/> when the scope has none or several.</summary>
    public StartEvent? StartEvent { get; }

    /// <summary>Finds a node of this scope by id.</summary>
    public FlowNode? FindNode(string id) => _nodesById.GetValueOrDefault(id);

    /// <summary>Finds a sequence flow of this scope by id.</summary>
    public SequenceFlow? FindFlow(string id) => _flowsById.GetValueOrDefault(id);

    /// <summary>The flows leaving a node, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Outgoing(string nodeId) => _outgoing.TryGetValue(nodeId, out var list) ? list : NoFlows;

    /// <summary>The flows entering a node, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Incoming(string nodeId) => _incoming.TryGetValue(nodeId, out var list) ? list : NoFlows;

    /// <summary>The boundary events attached to an activity, in document order.</summary>
    public IReadOnlyList<BoundaryEvent> BoundaryEventsOf(string activityId) =>
        _boundaryEvents.TryGetValue(activityId, out var list) ? list : NoBoundaryEvents;

    /// <summary>This scope's nodes and, depth first, those of every nested sub-process.</summary>
    public IEnumerable<FlowNode> AllNodes()
    {
        foreach (var node in Nodes)
        {
            yield return node;
            if (node is SubProcess sub)
            {
                foreach (var inner in sub.Scope.AllNodes())
                {
                    yield return inner;
                }
            }
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(item);
    }
}
