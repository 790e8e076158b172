using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Forms;
using PublicServicesBpm.Host.Features.Workflows;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Persistence.Forms;

namespace PublicServicesBpm.Host.Features.Forms;

/// <summary>
/// The form of a user task — the stored version its <c>psb:formBinding</c> selects — and the server-side check of
/// what an officer submits with it: the same rules the browser applied (<see cref="FormSubmissionValidator"/>),
/// with the instance's variables as the form's initial data; only the cleaned data (visible, known fields) reaches
/// the instance.
/// </summary>
internal sealed class TaskForms(NpgsqlDataSource dataSource, DefinitionCache definitions, FormVersions versions, TimeProvider clock)
{
    /// <summary>What a submission came to: the data to merge, or per-field errors in the caller's language.</summary>
    public sealed record Check(JsonObject? CleanedData, IDictionary<string, string[]>? Errors);

    /// <summary>The task's form version, or null when the task has no form or its form is not stored.</summary>
    public async Task<FormVersion?> ResolveAsync(TaskItem task, CancellationToken cancellationToken)
    {
        if (task.FormKey is null)
        {
            return null;
        }
        var versionId = await DefinitionVersionAsync(task.InstanceId, cancellationToken);
        var definition = await definitions.GetAsync(dataSource, versionId, cancellationToken);
        var binding = definition.FindNode(task.ElementId) is UserTask userTask ? userTask.FormBinding : FormBinding.Deployment;
        return await versions.ResolveAsync(versionId, task.FormKey, binding, cancellationToken);
    }

    /// <summary>
    /// Validates <paramref name="submitted"/> against the form; messages in Vietnamese unless the request culture is
    /// English. File fields accept the ids of <paramref name="attachments"/> (the dossier's files) only.
    /// </summary>
    public static Check Validate(FormVersion form, JsonObject? submitted, JsonObject instanceVariables, TimeProvider clock, IFormAttachmentCatalog? attachments = null)
    {
        var parsed = FormSchema.Parse(form.Schema);
        if (parsed.Schema is null)
        {
            // Stored schemas were checked at deployment; a stored one that no longer parses is a server fault to report, not to hide.
            throw new InvalidOperationException($"Stored form {form.FormKey} version {form.Version} no longer parses.");
        }
        var context = new FormValidationContext { InitialData = instanceVariables, TimeProvider = clock, Attachments = attachments };
        var result = FormSubmissionValidator.Validate(parsed.Schema, submitted ?? [], context);
        if (result.IsValid)
        {
            return new Check(result.CleanedData, null);
        }
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var errors = result.Errors.GroupBy(e => e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => english ? e.MessageEn : e.MessageVi).ToArray());
        return new Check(null, errors);
    }

    public Check Validate(FormVersion form, JsonObject? submitted, JsonObject instanceVariables, IFormAttachmentCatalog? attachments = null) =>
        Validate(form, submitted, instanceVariables, clock, attachments);

    /// <summary>The current files of the dossier that runs on <paramref name="instanceId"/>, as the form validator's attachment catalogue (none when the instance is not a dossier's).</summary>
    public async Task<IFormAttachmentCatalog> DossierAttachmentsAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT f.id, f.file_name, f.content_type FROM app.dossier_files f JOIN app.dossiers d ON d.id = f.dossier_id
            WHERE d.process_instance_id = @instance AND f.superseded_at IS NULL
            """);
        command.Parameters.AddWithValue("instance", instanceId);
        return await ReadAttachmentsAsync(command, cancellationToken);
    }

    /// <summary>The current files of a dossier, as the form validator's attachment catalogue.</summary>
    public async Task<IFormAttachmentCatalog> DossierAttachmentsByDossierAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, file_name, content_type FROM app.dossier_files WHERE dossier_id = @dossier AND superseded_at IS NULL");
        command.Parameters.AddWithValue("dossier", dossierId);
        return await ReadAttachmentsAsync(command, cancellationToken);
    }

    private static async Task<IFormAttachmentCatalog> ReadAttachmentsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var files = new List<FormAttachment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(new FormAttachment(reader.GetGuid(0).ToString("D"), reader.GetString(1), reader.GetString(2)));
        }
        return new FormAttachmentSet(files);
    }

    private async Task<Guid> DefinitionVersionAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT definition_version_id FROM bpm.process_instances WHERE id = @id");
        command.Parameters.AddWithValue("id", instanceId);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?
            ?? throw new InvalidOperationException($"Process instance {instanceId} does not exist.");
    }
}
