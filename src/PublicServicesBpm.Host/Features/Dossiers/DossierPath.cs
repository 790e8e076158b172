using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>A BPMN element the instance passed, and how many times it ran (loops and rework repeat elements).</summary>
internal sealed record PathCompletedElement(string ElementId, string? Name, int Times);

/// <summary>Where the instance waits now; for a user task, the task and its holder (null while unclaimed).</summary>
internal sealed record PathActiveElement(string ElementId, string? Name, string? TaskId, string? HolderName, IReadOnlyList<string> CandidateGroups);

/// <summary>An open incident: what stopped the instance at an element.</summary>
internal sealed record PathIncident(string ElementId, string? Name, string Kind, string Message, DateTimeOffset CreatedAt);

/// <summary>One history event of the instance: when, where, what (the engine's event type) and who (for completed tasks).</summary>
internal sealed record PathHistoryEntry(DateTimeOffset At, string? ElementId, string? ElementName, string Kind, string? Who);

/// <summary>
/// A dossier's path through its workflow, for the instance viewer: the BPMN of the version the instance runs on,
/// the elements passed, the current position, open incidents, the history and (when asked) the variables.
/// </summary>
internal sealed record DossierPathView(
    Guid DossierId, Guid InstanceId, string ProcessKey, int ProcessVersion, string Status, string BpmnXml,
    IReadOnlyList<PathCompletedElement> Completed, IReadOnlyList<PathActiveElement> Active, IReadOnlyList<PathIncident> Incidents,
    IReadOnlyList<PathHistoryEntry> History, JsonObject? Variables);

/// <summary>
/// Reads a dossier's workflow path (issue 7 item 4, issue 8 item 1) for the officers of the dossier's agency only;
/// everyone else, and a dossier without a workflow instance (a draft), gets "not found". Variables hold the
/// applicant's data, so reading them is logged as a personal-data read.
/// </summary>
internal sealed class DossierPath(AppDbContext db, AuditTrail audit)
{
    private const string BpmnModel = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>History event types the path shows (variable changes are shown as the variables themselves).</summary>
    private static readonly HashSet<string> s_shownEvents =
        [nameof(ElementEntered), nameof(ElementLeft), nameof(ElementCancelled), nameof(TaskCompleted), nameof(TimerFired), nameof(MessageReceived), nameof(JobFinished)];

    /// <summary>
    /// The path of the dossier <paramref name="dossierId"/> as <paramref name="viewer"/> may see it. With
    /// <paramref name="withVariables"/> the variables are included and, when <paramref name="logRead"/>, the read is audited.
    /// </summary>
    /// <exception cref="DossierCommandException">404: not an officer of the dossier's agency, no such dossier, or no workflow instance yet.</exception>
    public async Task<DossierPathView> ReadAsync(DossierViewer viewer, Guid dossierId, bool withVariables, bool logRead, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
        // Applicants see their dossier's timeline, not the workflow: the path is for the agency's officers.
        if (dossier is null || viewer is not DossierViewer.Officer || !DossierAccess.MaySee(viewer, dossier))
        {
            throw DossierCommandException.NotFound(dossierId);
        }
        var instance = dossier.ProcessInstanceId is { } instanceId
            ? await db.ProcessInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            : null;
        if (instance is null)
        {
            throw NoInstance(dossierId);
        }
        var xml = await db.ProcessDefinitionVersions.AsNoTracking().Where(v => v.Id == instance.DefinitionVersionId)
            .Select(v => v.BpmnXml).SingleAsync(cancellationToken);
        var names = ElementNames(xml);
        var state = ProcessInstanceState.FromJson(instance.State);
        var events = await db.HistoryEvents.AsNoTracking().Where(e => e.InstanceId == instance.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instance.Id)
            .Select(t => new { t.Id, t.ElementId, t.Status, t.Assignee, t.CandidateGroups }).ToListAsync(cancellationToken);
        var officerIds = tasks.Select(t => Guid.TryParse(t.Assignee, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToArray();
        var officers = await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString("D"), u => u.FullName, cancellationToken);
        string? HolderName(string? assignee) => assignee is null ? null : officers.GetValueOrDefault(assignee, assignee);
        var taskHolders = tasks.ToDictionary(t => t.Id, t => HolderName(t.Assignee));

        var completed = events.Where(e => e.Type == nameof(ElementLeft) && e.ElementId is not null)
            .GroupBy(e => e.ElementId!).Select(g => new PathCompletedElement(g.Key, names.GetValueOrDefault(g.Key), g.Count())).ToList();
        var openTasks = tasks.Where(t => t.Status == "open").ToList();
        var active = state.Tokens.Select(t => t.ElementId).Distinct().Select(elementId =>
        {
            var task = openTasks.FirstOrDefault(t => t.ElementId == elementId);
            return new PathActiveElement(elementId, names.GetValueOrDefault(elementId), task?.Id, HolderName(task?.Assignee), task?.CandidateGroups ?? []);
        }).ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instance.Id && i.ResolvedAt == null).OrderBy(i => i.CreatedAt)
            .Select(i => new { i.ElementId, i.Kind, i.Message, i.CreatedAt }).ToListAsync(cancellationToken);
        var stepActors = await StepActorsAsync(dossierId, cancellationToken);
        string? Who(HistoryEventRecord e)
        {
            if (e.Type != nameof(TaskCompleted) || e.ElementId is null)
            {
                return null;
            }
            // A claimed task names its holder; a step completed by a dossier command (receive, refuse…) without a claim
            // is named by the dossier's "step" event for that element, taken in order.
            var holder = TaskId(e.Data) is { } taskId ? taskHolders.GetValueOrDefault(taskId) : null;
            return holder ?? (stepActors.TryGetValue(e.ElementId, out var actors) && actors.TryDequeue(out var actor) ? actor : null);
        }
        var history = events.Where(e => s_shownEvents.Contains(e.Type)).Select(e => new PathHistoryEntry(
            e.At, e.ElementId, e.ElementId is null ? null : names.GetValueOrDefault(e.ElementId), e.Type, Who(e))).ToList();

        if (withVariables && logRead)
        {
            await audit.RecordPersonalDataReadAsync("process-instance", instance.Id.ToString("D"), dossierId, new { view = "dossier-path" }, cancellationToken);
        }
        return new DossierPathView(
            dossierId, instance.Id, instance.ProcessKey, instance.ProcessVersion, instance.Status, xml, completed, active,
            [.. incidents.Select(i => new PathIncident(i.ElementId, names.GetValueOrDefault(i.ElementId), i.Kind, i.Message, i.CreatedAt))],
            history, withVariables ? state.Variables : null);
    }

    private static DossierCommandException NoInstance(Guid dossierId) =>
        new(StatusCodes.Status404NotFound, "The dossier has no workflow yet", $"Dossier '{dossierId}' is a draft: its workflow has not started, so it has no path.");

    /// <summary>Who completed each element's steps through the dossier commands, in order, from the dossier's "step" events.</summary>
    private async Task<Dictionary<string, Queue<string>>> StepActorsAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var steps = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossierId && e.Kind == "step").OrderBy(e => e.Id)
            .Select(e => new { e.Data, e.ActorName }).ToListAsync(cancellationToken);
        var actors = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (step.Data is null || step.ActorName is null)
            {
                continue;
            }
            using var json = JsonDocument.Parse(step.Data);
            if (json.RootElement.TryGetProperty("element", out var element) && element.ValueKind == JsonValueKind.String && element.GetString() is { } elementId)
            {
                if (!actors.TryGetValue(elementId, out var queue))
                {
                    actors[elementId] = queue = new Queue<string>();
                }
                queue.Enqueue(step.ActorName);
            }
        }
        return actors;
    }

    private static string? TaskId(string data)
    {
        using var json = JsonDocument.Parse(data);
        return json.RootElement.TryGetProperty("taskId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    /// <summary>The names of the process's elements by id, from the deployed XML (no DTDs: the file is data, not trusted markup).</summary>
    private static Dictionary<string, string> ElementNames(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var document = XDocument.Load(reader);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in document.Descendants().Where(e => e.Name.NamespaceName == BpmnModel))
        {
            if (element.Attribute("id")?.Value is { } id && element.Attribute("name")?.Value is { Length: > 0 } name)
            {
                names.TryAdd(id, name.ReplaceLineEndings(" ").Trim());
            }
        }
        return names;
    }
}
