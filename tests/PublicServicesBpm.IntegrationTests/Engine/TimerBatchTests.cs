using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.IntegrationTests.Engine;

/// <summary><see cref="PublicServicesBpm.Persistence.Engine.WorkflowRuntime.FireDueTimersAsync"/>: many due timers per commit.</summary>
public sealed class TimerBatchTests : RuntimeTestBase
{
    private static readonly string s_wait = Process("cho-lo", """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
        <bpmn:endEvent id="end" />
        """);

    // A task with two non-interrupting reminder timers: both fall due at once on the same instance.
    private static readonly string s_twoReminders = Process("hai-nhac-viec", """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:userTask id="review" psb:candidateGroups="specialist" />
        <bpmn:boundaryEvent id="remind1" attachedToRef="review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="remind2" attachedToRef="review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        <bpmn:sequenceFlow id="f3" sourceRef="remind1" targetRef="end1" />
        <bpmn:sequenceFlow id="f4" sourceRef="remind2" targetRef="end2" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end1" />
        <bpmn:endEvent id="end2" />
        """);

    [Fact]
    public async Task FireDueTimersAsync_TwentyInstancesDue_FiresAllInOneCall()
    {
        await DeployAsync(s_wait);
        for (var i = 0; i < 20; i++)
        {
            await Runtime.StartAsync("cho-lo", null, null, null, CancellationToken.None);
        }
        Clock.Advance(TimeSpan.FromDays(1));

        var fired = await Runtime.FireDueTimersAsync(100, CancellationToken.None);

        Assert.Equal(20, fired);
        Assert.Equal(20L, await ScalarAsync<long>("SELECT count(*) FROM bpm.process_instances WHERE status = 'completed'"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.timers"));
        Assert.Equal(0, await Runtime.FireDueTimersAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task FireDueTimersAsync_BatchSmallerThanDueTimers_FiresMostOverdueFirstAndLeavesTheRest()
    {
        await DeployAsync(s_wait);
        var first = await Runtime.StartAsync("cho-lo", null, null, null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Runtime.StartAsync("cho-lo", null, null, null, CancellationToken.None);
        await Runtime.StartAsync("cho-lo", null, null, null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, await Runtime.FireDueTimersAsync(1, CancellationToken.None));

        Assert.Equal("completed", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", first.InstanceId)));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM bpm.timers"));
        Assert.Equal(2, await Runtime.FireDueTimersAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task FireDueTimersAsync_TwoDueTimersOnOneInstance_FiresOnePerCallOnFreshState()
    {
        await DeployAsync(s_twoReminders);
        var started = await Runtime.StartAsync("hai-nhac-viec", null, null, null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, await Runtime.FireDueTimersAsync(10, CancellationToken.None));
        Assert.Equal(1, await Runtime.FireDueTimersAsync(10, CancellationToken.None));
        Assert.Equal(0, await Runtime.FireDueTimersAsync(10, CancellationToken.None));

        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE instance_id = @id AND type = 'TimerFired'", ("id", started.InstanceId)));
        Assert.Equal("active", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", started.InstanceId)));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.user_tasks WHERE instance_id = @id AND status = 'open'", ("id", started.InstanceId)));
    }

    [Fact]
    public async Task FireDueTimersAsync_TimerOfAnEndedInstance_IsDiscardedWhileOthersFire()
    {
        await DeployAsync(s_wait);
        var cancelled = await Runtime.StartAsync("cho-lo", null, null, null, CancellationToken.None);
        var waiting = await Runtime.StartAsync("cho-lo", null, null, null, CancellationToken.None);
        await Runtime.ExecuteAsync(cancelled.InstanceId, new CancelInstance("test"), null, CancellationToken.None);
        // A timer row left behind by an older version of the engine: the instance no longer waits in it.
        await ScalarAsync<int>("INSERT INTO bpm.timers (id, instance_id, element_id, due_at) VALUES ('stale', @id, 'wait', now() - interval '1 day') RETURNING 1", ("id", cancelled.InstanceId));
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(2, await Runtime.FireDueTimersAsync(10, CancellationToken.None));

        Assert.Equal("completed", await ScalarAsync<string>("SELECT status FROM bpm.process_instances WHERE id = @id", ("id", waiting.InstanceId)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bpm.timers"));
    }

    [Fact]
    public async Task FireDueTimersAsync_TwoCallersAtOnce_FireEveryTimerExactlyOnce()
    {
        await DeployAsync(s_wait);
        for (var i = 0; i < 30; i++)
        {
            await Runtime.StartAsync("cho-lo", null, null, null, CancellationToken.None);
        }
        Clock.Advance(TimeSpan.FromDays(1));

        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            var total = 0;
            while (await Runtime.FireDueTimersAsync(4, CancellationToken.None) is var n and > 0)
            {
                total += n;
            }
            return total;
        }));

        Assert.Equal(30, counts.Sum());
        Assert.Equal(30L, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE type = 'TimerFired'"));
    }
}
