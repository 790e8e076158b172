using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms;

/// <summary>The outcome of <see cref="FormSubmissionValidator.Validate"/>.</summary>
/// <param name="Errors">Every refused value, in schema order; empty when the submission is valid.</param>
/// <param name="CleanedData">
/// The data to keep: only the values of fields that are visible and enabled (and the server's own
/// result for expression fields), at their paths. Values of hidden fields and unknown properties are
/// gone. Built even when there are errors, so a form can be shown again with what was entered.
/// </param>
public sealed record FormValidationResult(IReadOnlyList<FieldError> Errors, JsonObject CleanedData)
{
    /// <summary>True when no value was refused.</summary>
    public bool IsValid => Errors.Count == 0;
}
