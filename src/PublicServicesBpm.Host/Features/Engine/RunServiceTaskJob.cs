using System.Text.Json.Nodes;
using Npgsql;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Engine;

/// <summary>
/// Runs one service-task job: takes a lease on its row (so two workers never run it at once), calls the handler
/// registered for its type, and reports the result to the instance as CompleteJob or FailJob — each its own engine
/// command and commit. A transactional handler's job (a retry: its first attempt ran inline) runs with its
/// CompleteJob/FailJob in one transaction. A job whose row is gone (done, cancelled) or leased by another worker is skipped, so
/// running this twice has no second effect.
/// </summary>
internal sealed class RunServiceTaskJob(
    NpgsqlDataSource dataSource, WorkflowRuntime runtime, IEnumerable<IServiceTaskHandler> handlers, TimeProvider clock, ILogger<RunServiceTaskJob> logger)
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(5);

    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        if (await LeaseAsync(jobId, cancellationToken) is not { } job)
        {
            return;
        }
        if (runtime.TransactionalHandlerTypes.Contains(job.HandlerType))
        {
            await RunTransactionalAsync(jobId, job, cancellationToken);
            return;
        }
        EngineCommand outcome;
        try
        {
            var handler = handlers.FirstOrDefault(h => h.Type == job.HandlerType)
                ?? throw new InvalidOperationException($"No service-task handler is registered for psb:type '{job.HandlerType}'.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_lease - TimeSpan.FromSeconds(30));
            var result = await handler.ExecuteAsync(new ServiceTaskContext(jobId, job.InstanceId, job.ElementId, job.BusinessKey, job.Variables), timeout.Token);
            outcome = result.ErrorCode is { } code
                ? new FailJob(jobId, result.ErrorMessage ?? code, code)
                : new CompleteJob(jobId, result.Variables);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Service task {ElementId} of instance {InstanceId} failed (job {JobId})", job.ElementId, job.InstanceId, jobId);
            outcome = new FailJob(jobId, exception.Message);
        }
        try
        {
            await runtime.ExecuteAsync(job.InstanceId, outcome, idempotencyKey: null, cancellationToken);
        }
        catch (EngineCommandException exception) when (exception.Reason is CommandRejection.NotFound or CommandRejection.Conflict)
        {
            // The instance moved on meanwhile (an interrupting boundary event, a cancellation, its end): nothing to report to.
            logger.LogInformation("Job {JobId} finished after its instance no longer waited for it: {Reason}", jobId, exception.Message);
        }
    }

    /// <summary>A retry of a transactional handler's job: the handler and the engine command share one transaction.</summary>
    private async Task RunTransactionalAsync(string jobId, LeasedJob job, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.RunTransactionalJobAsync(job.InstanceId, jobId, job.ElementId, job.HandlerType, cancellationToken);
        }
        catch (EngineCommandException exception) when (exception.Reason is CommandRejection.NotFound or CommandRejection.Conflict)
        {
            logger.LogInformation("Job {JobId} finished after its instance no longer waited for it: {Reason}", jobId, exception.Message);
        }
    }

    private sealed record LeasedJob(Guid InstanceId, string ElementId, string HandlerType, string? BusinessKey, JsonObject Variables);

    private async Task<LeasedJob?> LeaseAsync(string jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var command = dataSource.CreateCommand("""
            WITH leased AS (
                UPDATE bpm.jobs SET locked_until = @until
                WHERE id = @id AND run_at <= @now AND (locked_until IS NULL OR locked_until < @now)
                  -- A suspended instance's jobs wait for its resumption (the stale-job scan offers them again).
                  AND EXISTS (SELECT 1 FROM bpm.process_instances i WHERE i.id = bpm.jobs.instance_id AND i.status = 'active')
                RETURNING instance_id, element_id, handler_type)
            SELECT l.instance_id, l.element_id, l.handler_type, i.business_key, i.state -> 'variables'
            FROM leased l JOIN bpm.process_instances i ON i.id = l.instance_id
            """);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("until", now + s_lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var variables = reader.IsDBNull(4) ? [] : JsonNode.Parse(reader.GetString(4)) as JsonObject ?? [];
        return new LeasedJob(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), variables);
    }
}
