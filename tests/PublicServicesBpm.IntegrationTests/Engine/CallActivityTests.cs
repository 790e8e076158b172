using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.IntegrationTests.Engine;

/// <summary>Call activities through the real host: the caller commits, Hangfire starts the child, its end resumes the caller.</summary>
public sealed class CallActivityTests : HostedEngineTestBase
{
    protected override string Bpmn => """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:message id="m" name="withdrawn" />
          <bpmn:process id="xac-minh" isExecutable="true">
            <bpmn:startEvent id="cs" />
            <bpmn:sequenceFlow id="c1" sourceRef="cs" targetRef="check" />
            <bpmn:userTask id="check" name="Xác minh" psb:candidateGroups="police" />
            <bpmn:sequenceFlow id="c2" sourceRef="check" targetRef="ce" />
            <bpmn:endEvent id="ce" />
          </bpmn:process>
          <bpmn:process id="ly-lich" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:callActivity id="call" calledElement="xac-minh" />
            <bpmn:boundaryEvent id="withdraw" attachedToRef="call" psb:correlationKey="=code"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="sign" />
            <bpmn:userTask id="sign" name="Ký phiếu" psb:candidateGroups="leader" />
            <bpmn:sequenceFlow id="f3" sourceRef="sign" targetRef="end" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f4" sourceRef="withdraw" targetRef="stopped" />
            <bpmn:endEvent id="stopped" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task CallActivity_ChildCompletes_CallerResumesWithTheChildsVariables()
    {
        var parent = await Runtime.StartAsync("ly-lich", new JsonObject { ["code"] = "LL-1" }, null, null, CancellationToken.None);
        await WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM bpm.process_instances WHERE parent_call_id IS NOT NULL") == 1);
        var child = await ScalarAsync<Guid>("SELECT id FROM bpm.process_instances WHERE parent_call_id IS NOT NULL");
        var childTask = await ScalarAsync<string>($"SELECT id FROM bpm.user_tasks WHERE instance_id = '{child}'");

        await Runtime.ExecuteAsync(child, new CompleteUserTask(childTask!, Variables: new JsonObject { ["criminalRecord"] = "none" }), null, CancellationToken.None);

        await WaitUntilAsync(async () => await ScalarAsync<long>($"SELECT count(*) FROM bpm.user_tasks WHERE instance_id = '{parent.InstanceId}' AND element_id = 'sign'") == 1);
        Assert.Equal("none", await ScalarAsync<string>($"SELECT state -> 'variables' ->> 'criminalRecord' FROM bpm.process_instances WHERE id = '{parent.InstanceId}'"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.called_processes"));
    }

    [Fact]
    public async Task CallActivity_CallerInterruptedByBoundaryMessage_CancelsTheChild()
    {
        var parent = await Runtime.StartAsync("ly-lich", new JsonObject { ["code"] = "LL-2" }, null, null, CancellationToken.None);
        await WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM bpm.process_instances WHERE parent_call_id IS NOT NULL") == 1);
        var child = await ScalarAsync<Guid>("SELECT id FROM bpm.process_instances WHERE parent_call_id IS NOT NULL");

        await Runtime.CorrelateMessageAsync("withdrawn", "LL-2", null, null, CancellationToken.None);

        await WaitUntilAsync(async () => await ScalarAsync<string>($"SELECT status FROM bpm.process_instances WHERE id = '{child}'") == "cancelled");
        Assert.Equal("completed", await ScalarAsync<string>($"SELECT status FROM bpm.process_instances WHERE id = '{parent.InstanceId}'"));
        await WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM bpm.called_processes") == 0);
    }

    [Fact]
    public async Task SettleAsync_RunTwice_StartsOneChild()
    {
        await Runtime.StartAsync("ly-lich", new JsonObject { ["code"] = "LL-3" }, null, null, CancellationToken.None);
        var callId = await ScalarAsync<string>("SELECT call_id FROM bpm.called_processes");
        var calls = Host.Services.GetRequiredService<CalledProcesses>();

        await Task.WhenAll(calls.SettleAsync(callId!, CancellationToken.None), calls.SettleAsync(callId!, CancellationToken.None));
        await calls.SettleAsync(callId!, CancellationToken.None);

        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.process_instances WHERE parent_call_id IS NOT NULL"));
    }



}
