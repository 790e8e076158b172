namespace PublicServicesBpm.Forms;

/// <summary>
/// Why one submitted value was refused.
/// </summary>
/// <param name="Path">
/// The value's path in the submission: dot-separated keys, list items by zero-based index in brackets,
/// e.g. <c>applicant.fullName</c> or <c>members[2].name</c>.
/// </param>
/// <param name="Code">A stable code from <see cref="FieldErrorCodes"/>.</param>
/// <param name="MessageVi">The message in Vietnamese (the default language).</param>
/// <param name="MessageEn">The message in English.</param>
/// <param name="ComponentId">The id of the component the value belongs to, when known, to place the message next to it.</param>
public sealed record FieldError(string Path, string Code, string MessageVi, string MessageEn, string? ComponentId = null)
{
    internal static FieldError Create(string path, string? componentId, string code, params object?[] arguments)
    {
        var (vi, en) = FormMessages.Format(code, arguments);
        return new FieldError(path, code, vi, en, componentId);
    }
}
