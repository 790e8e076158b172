namespace PublicServicesBpm.Forms;

/// <summary>
/// One thing wrong with a form schema.
/// </summary>
/// <param name="Location">
/// Where: the component's position and, when it has them, its id and key, e.g.
/// <c>components[2](id=Group_1).components[0](id=Field_3, key=fullName).validate.pattern</c>; empty for the whole form.
/// </param>
/// <param name="Code">A stable code from <see cref="FormProblemCodes"/>.</param>
/// <param name="MessageVi">The explanation in Vietnamese (the default language).</param>
/// <param name="MessageEn">The explanation in English.</param>
public sealed record FormProblem(string Location, string Code, string MessageVi, string MessageEn)
{
    internal static FormProblem Create(string location, string code, params object?[] arguments)
    {
        var (vi, en) = FormMessages.Format(code, arguments);
        return new FormProblem(location, code, vi, en);
    }
}
