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

    /// <summary>Validates <paramref name="submitted"/> against the form; messages in Vietnamese unless the request culture is English.</summary>
    public static Check Validate(FormVersion form, JsonObject? submitted, JsonObject instanceVariables, TimeProvider clock)
    {
        var parsed = FormSchema.Parse(form.Schema);
        if (parsed.Schema is null)
        {
            // Stored schemas were checked at deployment; a stored one that no longer parses is a server fault to report, not to hide.
            throw new InvalidOperationException($"Stored form {form.FormKey} version {form.Version} no longer parses.");
        }
        var context = new FormValidationContext { InitialData = instanceVariables, TimeProvider = clock };
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

    public Check Validate(FormVersion form, JsonObject? submitted, JsonObject instanceVariables) => Validate(form, submitted, instanceVariables, clock);

    private async Task<Guid> DefinitionVersionAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT definition_version_id FROM bpm.process_instances WHERE id = @id");
        command.Parameters.AddWithValue("id", instanceId);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?
            ?? throw new InvalidOperationException($"Process instance {instanceId} does not exist.");
    }
}
