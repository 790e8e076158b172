using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Forms;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Features.Forms;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Designer;

namespace PublicServicesBpm.Host.Features.Designer;

/// <summary>
/// The designer studio's drafts (function H9): a workflow's BPMN XML or a form's schema saved on the server while a
/// designer edits (autosave), checked by the same validators as a deployment on every save, and published as a new
/// version through <see cref="ProcessDeployment"/> or <see cref="FormDeployment"/>. One draft per workflow or form;
/// every save names the revision it started from, and a save from an older revision is refused (409) so that two
/// designers never silently overwrite each other.
/// </summary>
internal sealed class DesignerDrafts(
    AppDbContext db, TimeProvider clock, ProcessDeployment processes, FormDeployment forms, AuditTrail audit,
    IServiceProvider services, IConfiguration configuration)
{
    /// <summary>Largest draft kept: the size a deployment accepts.</summary>
    public const int MaxContentChars = 2 * 1024 * 1024;

    public sealed record Saved(DesignerDraft Draft, IReadOnlyList<BpmnProblem> WorkflowProblems, IReadOnlyList<FormProblem> FormProblems);

    public sealed record Published(string Key, int Version, bool IsNew, IReadOnlyList<BpmnProblem> Warnings);

    /// <summary>Process keys are BPMN ids that also appear in URLs: letters, digits, '-', '_' and '.', starting with a letter.</summary>
    public static bool IsValidWorkflowKey(string key) =>
        key.Length is > 0 and <= 200 && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public Task<DesignerDraft?> FindAsync(string kind, string key, CancellationToken cancellationToken) =>
        db.DesignerDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Kind == kind && d.Key == key, cancellationToken);

    /// <summary>The workflow draft with the server validator's findings on it (no deployment).</summary>
    public async Task<IReadOnlyList<BpmnProblem>> CheckWorkflowAsync(string key, string xml, CancellationToken cancellationToken)
    {
        var context = await RepositoryDefinitions.ContextAsync(services, configuration, [], cancellationToken);
        var import = BpmnImporter.Import(xml, context);
        var problems = import.Problems.ToList();
        if (import.Document is { } document && !document.ExecutableProcesses.Any(p => p.Key == key))
        {
            problems.Add(new BpmnProblem(null, "process", $"The executable process's id must stay '{key}' (it is the procedure's key).",
                BpmnProblemSeverity.Error, "process-key"));
        }
        else if (import.Document is { } withKey)
        {
            // Publishing deploys every executable process in the file: a second one would change another workflow
            // without its own draft, diff or versions page.
            problems.AddRange(withKey.ExecutableProcesses.Where(p => p.Key != key).Select(other => new BpmnProblem(other.Key, "process",
                $"Only the process '{key}' may be executable in this draft; make '{other.Key}' not executable or design it on its own.",
                BpmnProblemSeverity.Error, "process-key")));
        }
        return problems;
    }

    /// <summary>
    /// Saves the content as the next revision of the draft. <paramref name="expectedRevision"/> is the revision the
    /// editor last had (0 when it started from a published version or from nothing).
    /// </summary>
    /// <exception cref="DraftConflictException">Someone saved a newer revision meanwhile.</exception>
    public async Task<Saved> SaveAsync(string kind, string key, string content, int? baseVersion, int expectedRevision, string user, CancellationToken cancellationToken)
    {
        IReadOnlyList<BpmnProblem> workflowProblems = [];
        IReadOnlyList<FormProblem> formProblems = [];
        if (kind == DesignerDraft.WorkflowKind)
        {
            workflowProblems = await CheckWorkflowAsync(key, content, cancellationToken);
        }
        else
        {
            formProblems = FormSchema.Parse(content).Problems;
        }
        var now = clock.GetUtcNow();
        var draft = await db.DesignerDrafts.SingleOrDefaultAsync(d => d.Kind == kind && d.Key == key, cancellationToken);
        if ((draft?.Revision ?? 0) != expectedRevision)
        {
            throw new DraftConflictException(draft?.Revision ?? 0);
        }
        if (draft is null)
        {
            draft = new DesignerDraft { Kind = kind, Key = key, Content = content, BaseVersion = baseVersion, Revision = 1, CreatedAt = now, CreatedBy = user, UpdatedAt = now, UpdatedBy = user };
            db.DesignerDrafts.Add(draft);
        }
        else
        {
            draft.Content = content;
            draft.BaseVersion = baseVersion;
            draft.Revision = expectedRevision + 1;
            draft.UpdatedAt = now;
            draft.UpdatedBy = user;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DraftConflictException(await CurrentRevisionAsync(kind, key, cancellationToken));
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DraftConflictException(await CurrentRevisionAsync(kind, key, cancellationToken));
        }
        return new Saved(draft, workflowProblems, formProblems);
    }

    /// <summary>Removes the draft; true when there was one.</summary>
    public async Task<bool> DiscardAsync(string kind, string key, CancellationToken cancellationToken) =>
        await db.DesignerDrafts.Where(d => d.Kind == kind && d.Key == key).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Deploys the workflow draft's revision <paramref name="revision"/> through the engine and removes the draft. The
    /// deployment commits first; a crash before the draft is removed leaves a draft equal to the new version, and
    /// publishing it again is a no-op answering that version.
    /// </summary>
    /// <returns>The new version, or the problems that keep the draft from being deployed.</returns>
    public async Task<(Published? Version, IReadOnlyList<BpmnProblem> Problems)> PublishWorkflowAsync(string key, int revision, string user, CancellationToken cancellationToken)
    {
        var draft = await RevisionAsync(DesignerDraft.WorkflowKind, key, revision, cancellationToken);
        var problems = await CheckWorkflowAsync(key, draft.Content, cancellationToken);
        if (problems.Any(p => p.Severity == BpmnProblemSeverity.Error))
        {
            return (null, problems);
        }
        var context = await RepositoryDefinitions.ContextAsync(services, configuration, [], cancellationToken);
        var outcome = await processes.DeployAsync(draft.Content, user, context, cancellationToken, audit: audit.Describe(AuditActions.DefinitionDeployed));
        if (!outcome.Succeeded)
        {
            return (null, outcome.Problems);
        }
        await RemoveRevisionAsync(DesignerDraft.WorkflowKind, key, revision, cancellationToken);
        var deployed = outcome.Processes.Single(p => p.Key == key);
        return (new Published(key, deployed.Version, deployed.IsNew, outcome.Problems), []);
    }

    /// <summary>Deploys the form draft's revision <paramref name="revision"/> as the form's next version and removes the draft.</summary>
    public async Task<(Published? Version, IReadOnlyList<FormProblem> Problems)> PublishFormAsync(string key, int revision, string user, CancellationToken cancellationToken)
    {
        var draft = await RevisionAsync(DesignerDraft.FormKind, key, revision, cancellationToken);
        var outcome = await forms.DeployAsync(key, draft.Content, user, cancellationToken, audit.Describe(FormsEndpoints.DeployedAction));
        if (!outcome.Succeeded)
        {
            return (null, outcome.Problems);
        }
        await RemoveRevisionAsync(DesignerDraft.FormKind, key, revision, cancellationToken);
        return (new Published(key, outcome.Version, outcome.IsNew, []), []);
    }

    /// <summary>
    /// The schema as stored: the editor's JSON object written like the repository's files (indented, ending with a line
    /// break), so that a form published unchanged from the studio has the same content hash as its file.
    /// </summary>
    public static string SchemaText(JsonObject schema) => schema.ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) + "\n";

    private async Task<DesignerDraft> RevisionAsync(string kind, string key, int revision, CancellationToken cancellationToken)
    {
        var draft = await FindAsync(kind, key, cancellationToken) ?? throw new DraftNotFoundException();
        return draft.Revision == revision ? draft : throw new DraftConflictException(draft.Revision);
    }

    private Task<int> RemoveRevisionAsync(string kind, string key, int revision, CancellationToken cancellationToken) =>
        db.DesignerDrafts.Where(d => d.Kind == kind && d.Key == key && d.Revision == revision).ExecuteDeleteAsync(cancellationToken);

    private Task<int> CurrentRevisionAsync(string kind, string key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.DesignerDrafts.Where(d => d.Kind == kind && d.Key == key).Select(d => d.Revision).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>A draft save or publish based on a revision that is no longer the current one.</summary>
internal sealed class DraftConflictException(int currentRevision) : Exception($"The draft is at revision {currentRevision}.")
{
    public int CurrentRevision { get; } = currentRevision;
}

/// <summary>Publishing a draft that does not exist.</summary>
internal sealed class DraftNotFoundException() : Exception("There is no draft.");
