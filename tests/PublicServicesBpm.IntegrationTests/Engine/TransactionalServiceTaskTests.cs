using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Features.Engine;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.IntegrationTests.Engine;

/// <summary>Transactional service-task handlers run inline: their database change and the instance's move share one commit.</summary>
public sealed class TransactionalServiceTaskTests : HostedEngineTestBase
{
    protected override string Bpmn => """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="ghi-so" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mark" />
            <bpmn:serviceTask id="mark" name="Ghi sổ tiếp nhận" psb:type="test.register" psb:retries="2" />
            <bpmn:boundaryEvent id="rejected" attachedToRef="mark"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="mark" targetRef="review" />
            <bpmn:userTask id="review" psb:candidateGroups="specialist" />
            <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f4" sourceRef="rejected" targetRef="refused" />
            <bpmn:endEvent id="refused" />
          </bpmn:process>
          <bpmn:error id="err" errorCode="DA_CO_SO" />
        </bpmn:definitions>
        """;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ITransactionalServiceTaskHandler, RegisterHandler>();

    [Fact]
    public async Task ServiceTask_TransactionalHandler_WritesItsRowAndMovesOnInTheSameCommand()
    {
        await CreateRegisterAsync();

        var started = await Runtime.StartAsync("ghi-so", new JsonObject { ["applicant"] = "Trần Thị B" }, "H38-0001", null, CancellationToken.None);

        // No waiting: when StartAsync returns, the handler's row and the next user task are both committed.
        Assert.Equal("Trần Thị B", await ScalarAsync<string>("SELECT applicant FROM test_register WHERE instance_id = @id", ("id", started.InstanceId)));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.user_tasks WHERE instance_id = @id AND element_id = 'review'", ("id", started.InstanceId)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.jobs WHERE instance_id = @id", ("id", started.InstanceId)));
        Assert.Equal(42L, await ScalarAsync<long>("SELECT (state -> 'variables' ->> 'registerNumber')::bigint FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE instance_id = @id AND type = 'JobFinished'", ("id", started.InstanceId)));
    }

    [Fact]
    public async Task ServiceTask_TransactionalHandlerReportsABusinessError_ErrorBoundaryTakesOver()
    {
        await CreateRegisterAsync();

        var started = await Runtime.StartAsync("ghi-so", new JsonObject { ["applicant"] = "duplicate" }, null, null, CancellationToken.None);

        Assert.Equal("completed", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE instance_id = @id AND element_id = 'refused' AND type = 'ElementEntered'", ("id", started.InstanceId)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM test_register"));
    }

    [Fact]
    public async Task ServiceTask_TransactionalHandlerThrows_ItsWritesAreUndoneAndTheRetryRunsInOneTransaction()
    {
        await CreateRegisterAsync();

        var started = await Runtime.StartAsync("ghi-so", new JsonObject { ["applicant"] = "flaky" }, null, null, CancellationToken.None);

        // The failed attempt inserted a row before throwing: the savepoint undid it; a retry waits in bpm.jobs.
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM test_register"));
        Assert.Equal("active", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
        var jobId = await ScalarAsync<string>("SELECT id FROM bpm.jobs WHERE instance_id = @id", ("id", started.InstanceId));
        Assert.NotNull(jobId);

        // The back-off has passed (moved in the data, not waited for); the service-task job runs the retry.
        await ScalarAsync<int>("UPDATE bpm.jobs SET run_at = now() - interval '1 second' WHERE id = @id RETURNING 1", ("id", jobId!));
        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RunServiceTaskJob>().RunAsync(jobId!, CancellationToken.None);
        }

        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM test_register WHERE instance_id = @id", ("id", started.InstanceId)));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.user_tasks WHERE instance_id = @id AND element_id = 'review'", ("id", started.InstanceId)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.jobs WHERE instance_id = @id", ("id", started.InstanceId)));
    }

    [Fact]
    public void Deployment_AcceptsTransactionalHandlerTypes()
    {
        Assert.Contains("test.register", Host.Services.GetRequiredService<ServiceTaskHandlerRegistry>().HandlerTypes);
    }

    private Task<int> CreateRegisterAsync() =>
        ScalarAsync<int>("CREATE TABLE test_register (instance_id uuid PRIMARY KEY, applicant text NOT NULL); SELECT 1");

    /// <summary>Writes the applicant into a register table in the command's transaction; "flaky" fails once after writing.</summary>
    private sealed class RegisterHandler : ITransactionalServiceTaskHandler
    {
        private int _flakyAttempts;

        public string Type => "test.register";

        public async Task<ServiceTaskResult> ExecuteAsync(TransactionalServiceTaskContext context, CancellationToken cancellationToken)
        {
            var applicant = context.Variables["applicant"]!.GetValue<string>();
            if (applicant == "duplicate")
            {
                return ServiceTaskResult.Error("DA_CO_SO", "Already registered.");
            }
            await using var insert = new Npgsql.NpgsqlCommand("INSERT INTO test_register (instance_id, applicant) VALUES (@id, @applicant)", context.Connection, context.Transaction);
            insert.Parameters.AddWithValue("id", context.InstanceId);
            insert.Parameters.AddWithValue("applicant", applicant);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (applicant == "flaky" && Interlocked.Increment(ref _flakyAttempts) == 1)
            {
                throw new InvalidOperationException("The register was busy.");
            }
            return ServiceTaskResult.Completed(new JsonObject { ["registerNumber"] = 42 });
        }
    }
}
