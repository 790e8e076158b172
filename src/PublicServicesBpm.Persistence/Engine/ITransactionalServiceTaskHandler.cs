using System.Text.Json.Nodes;
using Npgsql;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// A service-task handler whose work is a database change that belongs to the engine command itself (for example,
/// changing a dossier's status row). It runs INLINE: inside the transaction of the command that reached the service
/// task, on the same connection, before the single commit — so the change and the instance's move past the task
/// are committed together or not at all. It must only touch the database through the given connection and
/// transaction and must not call anything outside the process (use <c>IServiceTaskHandler</c>, run after commit as a
/// background job, for external systems).
/// <para>
/// A thrown exception undoes the handler's own statements (a savepoint) and counts as a failed attempt: the engine
/// retries with back-off — the retry runs through the service-task job, again in one transaction — and raises an
/// incident when retries run out. A returned <see cref="ServiceTaskResult.Error"/> is a business
/// error for an error boundary event.
/// </para>
/// </summary>
public interface ITransactionalServiceTaskHandler
{
    /// <summary>The <c>psb:type</c> this handler serves.</summary>
    string Type { get; }

    Task<ServiceTaskResult> ExecuteAsync(TransactionalServiceTaskContext context, CancellationToken cancellationToken);
}

/// <param name="JobId">Unique per job.</param>
/// <param name="InstanceId">The process instance.</param>
/// <param name="ElementId">The service task in the BPMN.</param>
/// <param name="BusinessKey">The instance's business key (usually the dossier code), if any.</param>
/// <param name="Variables">A copy of the instance's variables as the command left them.</param>
/// <param name="Connection">The command's connection.</param>
/// <param name="Transaction">The command's transaction: every statement must run in it.</param>
/// <param name="Now">The command's time.</param>
public sealed record TransactionalServiceTaskContext(
    string JobId, Guid InstanceId, string ElementId, string? BusinessKey, JsonObject Variables,
    NpgsqlConnection Connection, NpgsqlTransaction Transaction, DateTimeOffset Now);

/// <summary>What a service-task handler reports back (inline or after commit).</summary>
public sealed record ServiceTaskResult
{
    private ServiceTaskResult(JsonObject? variables, string? errorCode, string? errorMessage)
    {
        Variables = variables;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Variables to merge into the instance on completion.</summary>
    public JsonObject? Variables { get; }

    /// <summary>The BPMN error code, when the handler reports a business error.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public static ServiceTaskResult Completed(JsonObject? variables = null) => new(variables, null, null);

    public static ServiceTaskResult Error(string code, string message) => new(null, code, message);
}
