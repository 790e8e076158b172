using System.Text.Json.Nodes;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Engine;

/// <summary>
/// Does the work of service and send tasks whose <c>psb:type</c> equals <see cref="Type"/>. It runs after the engine
/// transaction committed, as a background job, and may run more than once for one job (a crash, a lost lease):
/// use <see cref="ServiceTaskContext.JobId"/> as the idempotency key of any external call so that a second run has
/// no second effect. Throw to fail the attempt (the engine retries with back-off, then raises an incident); return
/// <see cref="ServiceTaskResult.Error"/> for a business error that an error boundary event may catch.
/// </summary>
public interface IServiceTaskHandler
{
    string Type { get; }

    Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}

/// <param name="JobId">Unique per job (stable across its retries).</param>
/// <param name="InstanceId">The process instance.</param>
/// <param name="ElementId">The service task in the BPMN.</param>
/// <param name="BusinessKey">The instance's business key (usually the dossier code), if any.</param>
/// <param name="Variables">A copy of the instance's variables when the job started.</param>
public sealed record ServiceTaskContext(string JobId, Guid InstanceId, string ElementId, string? BusinessKey, JsonObject Variables);
