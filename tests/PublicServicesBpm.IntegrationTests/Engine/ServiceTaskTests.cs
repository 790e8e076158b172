using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Features.Engine;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.IntegrationTests.Engine;

/// <summary>Service tasks through the real host: committed → Hangfire job → handler → CompleteJob / FailJob.</summary>
public sealed class ServiceTaskTests : HostedEngineTestBase
{
    protected override string Bpmn => """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="ho-kinh-doanh" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="tax" />
            <bpmn:serviceTask id="tax" name="Lấy mã số thuế" psb:type="tax-code" />
            <bpmn:sequenceFlow id="f2" sourceRef="tax" targetRef="sign" />
            <bpmn:userTask id="sign" name="Ký giấy chứng nhận" psb:candidateGroups="leader" />
            <bpmn:sequenceFlow id="f3" sourceRef="sign" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
          <bpmn:process id="hong" isExecutable="true">
            <bpmn:startEvent id="s2" />
            <bpmn:sequenceFlow id="g1" sourceRef="s2" targetRef="call" />
            <bpmn:serviceTask id="call" psb:type="broken" psb:retries="0" />
            <bpmn:sequenceFlow id="g2" sourceRef="call" targetRef="e2" />
            <bpmn:endEvent id="e2" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IServiceTaskHandler, TaxCodeHandler>();
        services.AddSingleton<IServiceTaskHandler, BrokenHandler>();
    }

    [Fact]
    public async Task ServiceTask_HandlerSucceeds_VariablesMergedAndNextUserTaskOpens()
    {
        var runtime = Runtime;

        var started = await runtime.StartAsync("ho-kinh-doanh", new JsonObject { ["ownerId"] = "001099012345" }, "H56-0007", null, CancellationToken.None);

        await WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM bpm.user_tasks WHERE instance_id = @id AND element_id = 'sign'", ("id", started.InstanceId)) == 1);
        Assert.Equal("8312345678", await ScalarAsync<string>("SELECT state -> 'variables' ->> 'taxCode' FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.jobs WHERE instance_id = @id", ("id", started.InstanceId)));
        Assert.Equal(["H56-0007"], TaxCodeHandler.Calls.Where(c => c == "H56-0007"));
    }

    [Fact]
    public async Task RunServiceTaskJob_RunTwiceForTheSameJob_HasNoSecondEffect()
    {
        var runtime = Runtime;
        var started = await runtime.StartAsync("ho-kinh-doanh", null, "H56-0008", null, CancellationToken.None);
        await WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM bpm.user_tasks WHERE instance_id = @id", ("id", started.InstanceId)) == 1);
        var jobId = await ScalarAsync<string>("SELECT data ->> 'jobId' FROM bpm.history_events WHERE instance_id = @id AND type = 'JobScheduled'", ("id", started.InstanceId));

        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RunServiceTaskJob>().RunAsync(jobId!, CancellationToken.None);
        }

        Assert.Single(TaxCodeHandler.Calls, c => c == "H56-0008");
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE instance_id = @id AND type = 'JobFinished'", ("id", started.InstanceId)));
    }

    [Fact]
    public async Task ServiceTask_HandlerThrowsWithNoRetriesLeft_RaisesAVisibleIncident()
    {
        var runtime = Runtime;

        var started = await runtime.StartAsync("hong", null, null, null, CancellationToken.None);

        await WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM bpm.incidents WHERE instance_id = @id", ("id", started.InstanceId)) == 1);
        var message = await ScalarAsync<string>("SELECT message FROM bpm.incidents WHERE instance_id = @id", ("id", started.InstanceId));
        Assert.Contains("tax system unreachable", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryIncident_AfterTheCauseIsFixed_RunsTheJobAgainAndTheProcessContinues()
    {
        var runtime = Runtime;
        var started = await runtime.StartAsync("hong", new JsonObject { ["attempt"] = "first" }, null, null, CancellationToken.None);
        await WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM bpm.incidents WHERE instance_id = @id", ("id", started.InstanceId)) == 1);
        var incidentId = await ScalarAsync<string>("SELECT id FROM bpm.incidents WHERE instance_id = @id", ("id", started.InstanceId));

        // The administrator fixes the cause (here: the variable the handler checks) and retries.
        await runtime.ExecuteAsync(started.InstanceId, new RetryIncident(incidentId!, new JsonObject { ["attempt"] = "fixed" }), null, CancellationToken.None);

        await WaitUntilAsync(async () => await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)) == "completed");
        Assert.NotNull(await ScalarAsync<DateTime?>("SELECT resolved_at FROM bpm.incidents WHERE instance_id = @id", ("id", started.InstanceId)));
    }

    [Fact]
    public void Deployment_KnowsTheRegisteredHandlerTypes()
    {
        var registry = Host.Services.GetRequiredService<ServiceTaskHandlerRegistry>();

        Assert.Contains("broken", registry.HandlerTypes);
        Assert.Contains("tax-code", registry.HandlerTypes);
        Assert.Contains("tax.household-tax-code", registry.HandlerTypes);
    }




    private sealed class TaxCodeHandler : IServiceTaskHandler
    {
        public static ConcurrentBag<string> Calls { get; } = [];

        public string Type => "tax-code";

        public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Calls.Add(context.BusinessKey ?? string.Empty);
            return Task.FromResult(ServiceTaskResult.Completed(new JsonObject { ["taxCode"] = "8312345678" }));
        }
    }

    private sealed class BrokenHandler : IServiceTaskHandler
    {
        public string Type => "broken";

        public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            context.Variables["attempt"]?.GetValue<string>() == "fixed"
                ? Task.FromResult(ServiceTaskResult.Completed())
                : throw new HttpRequestException("tax system unreachable");
    }
}
