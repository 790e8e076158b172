using PublicServicesBpm.Host.Features.Dossiers;

namespace PublicServicesBpm.Host.UI.Pages.Workspace;

/// <summary>One problem of a submitted workspace form: its text and the id of the input it concerns (none for the whole form).</summary>
public sealed record WorkspaceError(string? FieldId, string Text)
{
    /// <summary>
    /// The refusal of a dossier command as errors: one per field it names (tied to the input <paramref name="fieldIds"/>
    /// maps that field to), or its reason alone. The services word their reasons in Vietnamese.
    /// </summary>
    internal static IReadOnlyList<WorkspaceError> From(DossierCommandException exception, Func<string, string?> fieldIds) =>
        exception.Errors is { Count: > 0 } errors
            ? [.. errors.SelectMany(e => e.Value.Select(text => new WorkspaceError(fieldIds(e.Key), text)))]
            : [new WorkspaceError(null, exception.Message)];
}
