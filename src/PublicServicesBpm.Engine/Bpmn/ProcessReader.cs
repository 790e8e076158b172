using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads one <c>process</c> element into a <see cref="ProcessDefinition"/>.</summary>
internal static class ProcessReader
{
    public static ProcessDefinition? Read(XElement element, ImportSession session, ProblemList documentProblems)
    {
        if (session.RegisterId(element) is not { } key)
        {
            return null;
        }

        var isExecutable = element.Attribute("isExecutable")?.Value.Trim() == "true";

        // A non-executable process is a documentary pool (e.g. the applicant's side): read it leniently.
        var problems = new ProblemList();
        var lanes = LaneReader.Read(element, session.ForProcess(problems, new Dictionary<string, CandidateGroups>()));
        var processSession = session.ForProcess(problems, lanes.Defaults);
        var scope = ScopeReader.Read(element, key, processSession);
        if (isExecutable)
        {
            documentProblems.AddRange(problems.Items);
        }

        return new ProcessDefinition(key, EventReader.Name(element), isExecutable, scope, lanes.Lanes);
    }
}
