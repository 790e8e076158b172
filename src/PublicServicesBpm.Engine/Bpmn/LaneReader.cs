using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Reads the lanes of a process (with nested child lane sets) and works out, per node, the default
/// candidate groups of the innermost lane that sets them.
/// </summary>
internal static class LaneReader
{
    public static (IReadOnlyList<Lane> Lanes, IReadOnlyDictionary<string, CandidateGroups> Defaults) Read(
        XElement process, ImportSession session)
    {
        var lanes = new List<Lane>();
        var defaults = new Dictionary<string, CandidateGroups>(StringComparer.Ordinal);
        foreach (var laneSet in process.Elements(BpmnNames.Bpmn("laneSet")))
        {
            ReadLaneSet(laneSet, null, null, session, lanes, defaults);
        }

        return (lanes, defaults);
    }

    private static void ReadLaneSet(
        XElement laneSet,
        Lane? parent,
        CandidateGroups? inherited,
        ImportSession session,
        List<Lane> lanes,
        Dictionary<string, CandidateGroups> defaults)
    {
        foreach (var element in laneSet.Elements(BpmnNames.Bpmn("lane")))
        {
            var id = session.RegisterId(element) ?? string.Empty;
            var psb = new PsbAttributes(element, "lane", session.Problems);
            psb.CheckPlacement("candidateGroups");
            var own = psb.CandidateGroups();
            var groups = own ?? inherited;
            var nodeIds = element.Elements(BpmnNames.Bpmn("flowNodeRef")).Select(r => r.Value.Trim()).Where(r => r.Length > 0).ToList();
            var lane = new Lane(id, EventReader.Name(element), own, nodeIds, parent?.Id);
            lanes.Add(lane);

            // Outer lanes are read first, so an inner lane's default overwrites its parent's.
            foreach (var nodeId in nodeIds.Where(_ => groups is not null))
            {
                defaults[nodeId] = groups!;
            }

            foreach (var childSet in element.Elements(BpmnNames.Bpmn("childLaneSet")))
            {
                ReadLaneSet(childSet, lane, groups, session, lanes, defaults);
            }
        }
    }
}
