using System.Security.Claims;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// One invalid field of an administration command: <see cref="Field"/> is the request's JSON property name,
/// <see cref="Code"/> a stable key (the pages show its translation from AdminResource), <see cref="Message"/> the
/// English text the API returns.
/// </summary>
internal sealed record AdminError(string Field, string Code, string Message);

internal enum AdminOutcomeKind
{
    Succeeded,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// What an account, grant or client command came to. The API turns it into a status and problem details
/// (<see cref="AdminOutcomeResults"/>); the administrator pages into a localized message — same rules for both.
/// </summary>
internal sealed class AdminOutcome<T>
{
    private AdminOutcome(AdminOutcomeKind kind, T? value, IReadOnlyList<AdminError> errors)
    {
        Kind = kind;
        Value = value;
        Errors = errors;
    }

    public AdminOutcomeKind Kind { get; }

    public T? Value { get; }

    /// <summary>The invalid fields (<see cref="AdminOutcomeKind.Invalid"/>) or the one reason of a not-found or conflict.</summary>
    public IReadOnlyList<AdminError> Errors { get; }

    public bool Succeeded => Kind == AdminOutcomeKind.Succeeded;

    public static AdminOutcome<T> Success(T value) => new(AdminOutcomeKind.Succeeded, value, []);

    public static AdminOutcome<T> Invalid(IReadOnlyList<AdminError> errors) => new(AdminOutcomeKind.Invalid, default, errors);

    public static AdminOutcome<T> NotFound(string code, string message) => new(AdminOutcomeKind.NotFound, default, [new AdminError(string.Empty, code, message)]);

    public static AdminOutcome<T> Conflict(string code, string message) => new(AdminOutcomeKind.Conflict, default, [new AdminError(string.Empty, code, message)]);

    /// <summary>The same failure for a command with another result type.</summary>
    public AdminOutcome<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("A successful outcome has a value to convert, not a failure.") : new(Kind, default, Errors);
}

/// <summary>Maps outcomes to HTTP: 400 validation problem with field names, 404 and 409 problem details.</summary>
internal static class AdminOutcomeResults
{
    public static IResult ToResult<T>(this AdminOutcome<T> outcome, Func<T, IResult> success) => outcome.Kind switch
    {
        AdminOutcomeKind.Succeeded => success(outcome.Value!),
        AdminOutcomeKind.Invalid => Results.ValidationProblem(
            outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The request is not valid"),
        AdminOutcomeKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Errors[0].Message,
            extensions: new Dictionary<string, object?> { ["code"] = outcome.Errors[0].Code }),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: outcome.Errors[0].Message,
            extensions: new Dictionary<string, object?> { ["code"] = outcome.Errors[0].Code }),
    };

    public static IResult Invalid(params AdminError[] errors) => AdminOutcome<bool>.Invalid(errors).ToResult(_ => Results.NoContent());
}

/// <summary>The signed-in administrator, as the commands need them (grant and revocation records keep their id).</summary>
internal static class AdminActor
{
    public static Guid IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The administrator policy let through a principal without an officer account id.");
}
