using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads tasks, call activities and embedded sub-processes.</summary>
internal static class ActivityReader
{
    private const string Dossier = "dossierStatus";

    public static FlowNode? Read(XElement element, string id, ImportSession session)
    {
        var type = element.Name.LocalName;
        var psb = new PsbAttributes(element, type, session.Problems);
        Activity? activity = type switch
        {
            "userTask" => User(psb, id, session),
            "serviceTask" => Job(psb, type, new ServiceTask { Id = id, HandlerType = string.Empty }),
            "sendTask" => Job(psb, type, new SendTask { Id = id, HandlerType = string.Empty }),
            "receiveTask" => Receive(element, psb, id, session),
            "manualTask" => Pass(psb, new ManualTask { Id = id }),
            "task" => Plain(psb, id, session),
            "callActivity" => CallActivityReader.Read(element, psb, id, session),
            "subProcess" => Sub(element, psb, id, session),
            _ => null,
        };
        if (activity is null)
        {
            return null;
        }

        if (element.Attribute("isForCompensation")?.Value.Trim() == "true")
        {
            session.Problems.Error(BpmnRules.UnsupportedElement, id, type, "Compensation activities are not supported.");
        }

        if (activity is not SubProcess)
        {
            // A sub-process's children are its scope, read by ScopeReader.
            session.CheckChildren(element, id, "multiInstanceLoopCharacteristics");
        }

        return activity with
        {
            Name = EventReader.Name(element),
            DossierStatus = psb.DossierStatus(),
            MultiInstance = MultiInstanceReader.Read(element, id, session),
        };
    }

    private static UserTask User(PsbAttributes psb, string id, ImportSession session)
    {
        psb.CheckPlacement("candidateGroups", "assignee", "formKey", "formBinding", "outcomes", "dueIn", "calendar", Dossier);
        return new UserTask
        {
            Id = id,
            CandidateGroups = psb.CandidateGroups() ?? session.LaneGroups.GetValueOrDefault(id),
            Assignee = psb.Expression("assignee"),
            FormKey = psb.Key("formKey"),
            FormBinding = psb.FormBinding(),
            Outcomes = psb.Outcomes(),
            DueIn = psb.DueIn(),
            Calendar = psb.Calendar(),
        };
    }

    private static JobActivity Job(PsbAttributes psb, string type, JobActivity activity)
    {
        psb.CheckPlacement("type", "retries", Dossier);
        var handler = psb.Key("type");
        if (handler is null)
        {
            psb.Missing("type", $"a {type} is done by the registered handler it names");
        }

        return activity with { HandlerType = handler ?? string.Empty, Retries = psb.Retries() };
    }

    private static ReceiveTask Receive(XElement element, PsbAttributes psb, string id, ImportSession session)
    {
        psb.CheckPlacement("correlationKey", Dossier);
        return new ReceiveTask
        {
            Id = id,
            Message = session.ResolveMessage(element.Attribute("messageRef")?.Value, id, "receiveTask"),
            CorrelationKey = EventReader.CorrelationKey(psb, id, "receiveTask", session),
        };
    }

    private static PlainTask Plain(PsbAttributes psb, string id, ImportSession session)
    {
        session.Problems.Warning(BpmnRules.PlainTask, id, "task",
            "A plain task does nothing when executed; use a userTask, serviceTask or manualTask to say what happens.");
        return Pass(psb, new PlainTask { Id = id });
    }

    private static T Pass<T>(PsbAttributes psb, T activity)
        where T : Activity
    {
        psb.CheckPlacement(Dossier);
        return activity;
    }

    private static SubProcess Sub(XElement element, PsbAttributes psb, string id, ImportSession session)
    {
        if (element.Attribute("triggeredByEvent")?.Value.Trim() == "true")
        {
            session.Problems.Error(BpmnRules.UnsupportedElement, id, "subProcess",
                "Event sub-processes are not supported; use boundary events on an embedded sub-process.");
        }

        psb.CheckPlacement("dueIn", "calendar", Dossier);
        return new SubProcess
        {
            Id = id,
            Scope = ScopeReader.Read(element, id, session),
            DueIn = psb.DueIn(),
            Calendar = psb.Calendar(),
        };
    }
}
