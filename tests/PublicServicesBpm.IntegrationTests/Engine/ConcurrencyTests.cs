using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.IntegrationTests.Engine;

/// <summary>Engine faults on real PostgreSQL: commands racing on one instance.</summary>
public sealed class ConcurrencyTests : RuntimeTestBase
{
    private static readonly string s_consultation = Process("lay-y-kien", """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="police" />
        <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="court" />
        <bpmn:userTask id="police" name="Công an xác minh" psb:candidateGroups="police" />
        <bpmn:userTask id="court" name="Tòa án xác minh" psb:candidateGroups="court" />
        <bpmn:sequenceFlow id="f4" sourceRef="police" targetRef="join" />
        <bpmn:sequenceFlow id="f5" sourceRef="court" targetRef="join" />
        <bpmn:parallelGateway id="join" />
        <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="draft" />
        <bpmn:userTask id="draft" name="Dự thảo phiếu" psb:candidateGroups="specialist" />
        <bpmn:sequenceFlow id="f7" sourceRef="draft" targetRef="end" />
        <bpmn:endEvent id="end" />
        """);

    [Fact]
    public async Task ParallelJoin_BothBranchesCompletedAtTheSameTime_FiresExactlyOnce()
    {
        await DeployAsync(s_consultation);
        for (var round = 0; round < 5; round++)
        {
            var started = await Runtime.StartAsync("lay-y-kien", null, null, null, CancellationToken.None);
            var police = await ScalarAsync<string>("SELECT id FROM bpm.user_tasks WHERE instance_id = @id AND element_id = 'police'", ("id", started.InstanceId));
            var court = await ScalarAsync<string>("SELECT id FROM bpm.user_tasks WHERE instance_id = @id AND element_id = 'court'", ("id", started.InstanceId));

            // Different tasks: both commands are valid, so the loser of the race is retried on fresh state, not refused.
            await Task.WhenAll(
                Runtime.ExecuteAsync(started.InstanceId, new CompleteUserTask(police!), null, CancellationToken.None),
                Runtime.ExecuteAsync(started.InstanceId, new CompleteUserTask(court!), null, CancellationToken.None));

            Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.user_tasks WHERE instance_id = @id AND element_id = 'draft'", ("id", started.InstanceId)));
            // The join consumed each branch's token once and sent one token on.
            Assert.Equal(2L, await ScalarAsync<long>(
                "SELECT count(*) FROM bpm.history_events WHERE instance_id = @id AND type = 'ElementLeft' AND element_id = 'join'", ("id", started.InstanceId)));
            Assert.Equal(1L, await ScalarAsync<long>(
                "SELECT count(*) FROM bpm.history_events WHERE instance_id = @id AND type = 'ElementEntered' AND element_id = 'draft'", ("id", started.InstanceId)));
            Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.user_tasks WHERE instance_id = @id AND status = 'open' AND element_id <> 'draft'", ("id", started.InstanceId)));
        }
    }

    [Fact]
    public async Task Command_FailingInsideItsTransaction_LeavesNoPartialState()
    {
        await DeployAsync(s_consultation);
        var started = await Runtime.StartAsync("lay-y-kien", null, "H56-DUP", null, CancellationToken.None);
        var historyBefore = await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events");

        // The second start computes a full result (instance, two tasks, history) and then hits the unique business key.
        await Assert.ThrowsAsync<EngineCommandException>(() => Runtime.StartAsync("lay-y-kien", null, "H56-DUP", null, CancellationToken.None));

        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.process_instances"));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM bpm.user_tasks"));
        Assert.Equal(historyBefore, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events"));
        Assert.NotEqual(Guid.Empty, started.InstanceId);
    }
}
