using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.IntegrationTests.Engine;

public sealed class WorkflowRuntimeTests : RuntimeTestBase
{
    private static readonly string s_review = Process("tham-dinh", """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:userTask id="review" name="Thẩm định hồ sơ" psb:candidateGroups="specialist" psb:outcomes="approve,reject" psb:dueIn="P2D" psb:dossierStatus="4" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        <bpmn:endEvent id="end" psb:dossierStatus="9" />
        """);

    [Fact]
    public async Task StartAsync_UserTaskProcess_StoresInstanceOpenTaskWithWorkingDayDeadlineAndHistory()
    {
        await DeployAsync(s_review);

        var outcome = await Runtime.StartAsync("tham-dinh", new JsonObject { ["applicant"] = "Nguyễn Văn A" }, "000.00.06.H56-261126-0001", "start-1", CancellationToken.None);

        Assert.Equal(InstanceStatus.Active, outcome.Status);
        Assert.Equal("active", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", outcome.InstanceId)));
        Assert.Equal("Thẩm định hồ sơ", await ScalarAsync<string>("SELECT name FROM bpm.user_tasks WHERE instance_id = @id AND status = 'open'", ("id", outcome.InstanceId)));
        // Thursday 09:00 + 2 working days = Monday 09:00 (UTC+7).
        var due = await ScalarAsync<DateTime>("SELECT due_at FROM bpm.user_tasks WHERE instance_id = @id", ("id", outcome.InstanceId));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(due, TimeSpan.Zero));
        Assert.True(await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE instance_id = @id", ("id", outcome.InstanceId)) >= 3);
        Assert.Contains(outcome.Effects, e => e is DossierStatusChanged { Code: 4 });
    }

    [Fact]
    public async Task ExecuteAsync_CompleteTheTask_CompletesTaskAndInstanceInOneCommit()
    {
        await DeployAsync(s_review);
        var started = await Runtime.StartAsync("tham-dinh", null, null, null, CancellationToken.None);
        var taskId = await ScalarAsync<string>("SELECT id FROM bpm.user_tasks WHERE instance_id = @id", ("id", started.InstanceId));

        var outcome = await Runtime.ExecuteAsync(started.InstanceId, new CompleteUserTask(taskId!, "approve"), null, CancellationToken.None);

        Assert.Equal(InstanceStatus.Completed, outcome.Status);
        Assert.Equal("completed", await ScalarAsync<string>("SELECT status FROM bpm.user_tasks WHERE id = @id", ("id", taskId!)));
        Assert.Equal("approve", await ScalarAsync<string>("SELECT outcome FROM bpm.user_tasks WHERE id = @id", ("id", taskId!)));
        Assert.Equal("completed", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
        Assert.NotNull(await ScalarAsync<DateTime?>("SELECT ended_at FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
    }

    [Fact]
    public async Task StartAsync_SameIdempotencyKeyTwice_ReturnsTheFirstOutcomeAndChangesNothing()
    {
        await DeployAsync(s_review);

        var first = await Runtime.StartAsync("tham-dinh", null, null, "same-key", CancellationToken.None);
        var second = await Runtime.StartAsync("tham-dinh", null, null, "same-key", CancellationToken.None);

        Assert.False(first.Repeated);
        Assert.True(second.Repeated);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.process_instances"));
    }

    [Fact]
    public async Task ExecuteAsync_RepeatAfterTheInstanceMovedOn_ReturnsTheFirstOutcomeNotTheCurrentState()
    {
        await DeployAsync(s_review);
        var started = await Runtime.StartAsync("tham-dinh", null, null, null, CancellationToken.None);
        var taskId = await ScalarAsync<string>("SELECT id FROM bpm.user_tasks WHERE instance_id = @id", ("id", started.InstanceId));
        await Runtime.ExecuteAsync(started.InstanceId, new SuspendInstance(), "suspend-1", CancellationToken.None);
        await Runtime.ExecuteAsync(started.InstanceId, new ResumeInstance(), null, CancellationToken.None);
        await Runtime.ExecuteAsync(started.InstanceId, new CompleteUserTask(taskId!, "approve"), null, CancellationToken.None);

        var repeated = await Runtime.ExecuteAsync(started.InstanceId, new SuspendInstance(), "suspend-1", CancellationToken.None);

        Assert.True(repeated.Repeated);
        Assert.Equal(InstanceStatus.Suspended, repeated.Status);
        Assert.Equal("completed", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
    }

    [Fact]
    public async Task FireDueTimersJob_ManyDueTimers_FiresEachExactlyOnceWithParallelLoops()
    {
        await DeployAsync(Process("nhieu-hen-gio", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        for (var i = 0; i < 40; i++)
        {
            await Runtime.StartAsync("nhieu-hen-gio", null, null, null, CancellationToken.None);
        }
        Clock.Advance(TimeSpan.FromDays(1));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:TimerFiringConcurrency"] = "6" }).Build();
        var job = new PublicServicesBpm.Host.Jobs.FireDueTimersJob(Runtime, configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger<PublicServicesBpm.Host.Jobs.FireDueTimersJob>.Instance);

        var fired = await job.RunAsync(CancellationToken.None);

        Assert.Equal(40, fired);
        Assert.Equal(40L, await ScalarAsync<long>("SELECT count(*) FROM bpm.process_instances WHERE status = 'completed'"));
        Assert.Equal(40L, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE type = 'TimerFired'"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.timers"));
    }

    [Fact]
    public async Task FireNextDueTimerAsync_InstanceSuspended_KeepsItsTimerUntilResumed()
    {
        await DeployAsync(Process("cho-tam-dung", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var started = await Runtime.StartAsync("cho-tam-dung", null, null, null, CancellationToken.None);
        await Runtime.ExecuteAsync(started.InstanceId, new SuspendInstance(), null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.False(await Runtime.FireNextDueTimerAsync(CancellationToken.None));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.timers"));

        await Runtime.ExecuteAsync(started.InstanceId, new ResumeInstance(), null, CancellationToken.None);
        Assert.True(await Runtime.FireNextDueTimerAsync(CancellationToken.None));
        Assert.Equal("completed", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
    }

    [Fact]
    public async Task ExecuteAsync_TwoOfficersCompleteTheSameTaskAtOnce_ExactlyOneWins()
    {
        await DeployAsync(s_review);
        var started = await Runtime.StartAsync("tham-dinh", null, null, null, CancellationToken.None);
        var taskId = await ScalarAsync<string>("SELECT id FROM bpm.user_tasks WHERE instance_id = @id", ("id", started.InstanceId));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await Runtime.ExecuteAsync(started.InstanceId, new CompleteUserTask(taskId!, i % 2 == 0 ? "approve" : "reject"), null, CancellationToken.None);
                return true;
            }
            catch (EngineCommandException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(succeeded => succeeded));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE instance_id = @id AND type = 'TaskCompleted'", ("id", started.InstanceId)));
    }

    [Fact]
    public async Task StartAsync_BusinessKeyAlreadyUsed_IsRefusedAsConflict()
    {
        await DeployAsync(s_review);
        await Runtime.StartAsync("tham-dinh", null, "000.00.06.H56-261126-0001", null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<EngineCommandException>(() =>
            Runtime.StartAsync("tham-dinh", null, "000.00.06.H56-261126-0001", null, CancellationToken.None));

        Assert.Contains("business key", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.process_instances"));
    }

    [Fact]
    public async Task StartAsync_UnknownProcess_IsRefusedAsNotFound()
    {
        var error = await Assert.ThrowsAsync<EngineCommandException>(() => Runtime.StartAsync("khong-ton-tai", null, null, null, CancellationToken.None));

        Assert.Contains("khong-ton-tai", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrelateMessageAsync_WaitingInstance_ReceivesTheMessageAndMovesOn()
    {
        await DeployAsync(Process("bo-sung", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait" psb:correlationKey="=dossierCode"><bpmn:messageEventDefinition messageRef="msg-supplement" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var started = await Runtime.StartAsync("bo-sung", new JsonObject { ["dossierCode"] = "H56-0001" }, null, null, CancellationToken.None);

        var outcome = await Runtime.CorrelateMessageAsync("supplement-received", "H56-0001", new JsonObject { ["pages"] = 3 }, "msg-1", CancellationToken.None);

        Assert.Equal(started.InstanceId, outcome.InstanceId);
        Assert.Equal(InstanceStatus.Completed, outcome.Status);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.message_subscriptions"));
    }

    [Fact]
    public async Task CorrelateMessageAsync_NobodyWaits_IsRefusedNotLost()
    {
        var error = await Assert.ThrowsAsync<EngineCommandException>(() =>
            Runtime.CorrelateMessageAsync("supplement-received", "H56-9999", null, null, CancellationToken.None));

        Assert.Contains("H56-9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FireNextDueTimerAsync_TimerDueAfterClockAdvances_FiresOnceAndCompletes()
    {
        await DeployAsync(Process("cho-han", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var started = await Runtime.StartAsync("cho-han", null, null, null, CancellationToken.None);

        Assert.False(await Runtime.FireNextDueTimerAsync(CancellationToken.None));
        // 09:00 + 4 working hours = 14:30: 2.5 h before lunch, lunch 11:30-13:00 does not count, 1.5 h after.
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 14, 29, 0, TimeSpan.FromHours(7)));
        Assert.False(await Runtime.FireNextDueTimerAsync(CancellationToken.None));
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.FromHours(7)));
        Assert.True(await Runtime.FireNextDueTimerAsync(CancellationToken.None));
        Assert.False(await Runtime.FireNextDueTimerAsync(CancellationToken.None));

        Assert.Equal("completed", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.timers"));
    }
}
