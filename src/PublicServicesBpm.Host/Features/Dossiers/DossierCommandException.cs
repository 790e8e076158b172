namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>A dossier command that cannot be applied, with the HTTP status and plain-language reason to answer with.</summary>
internal sealed class DossierCommandException(int statusCode, string title, string detail, IDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static DossierCommandException NotFound(Guid id) =>
        new(StatusCodes.Status404NotFound, "Not found", $"No dossier '{id}' is visible to you.");

    public static DossierCommandException Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid", message, new Dictionary<string, string[]> { [field] = [message] });

    public static DossierCommandException WrongStep(string detail) =>
        new(StatusCodes.Status409Conflict, "Not possible at this step", detail);

    public static DossierCommandException Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "Not allowed", detail);

    public IResult ToResult() => Errors is not null
        ? Results.ValidationProblem(Errors, detail: Message, title: Title, statusCode: StatusCode)
        : Results.Problem(statusCode: StatusCode, title: Title, detail: Message);
}
