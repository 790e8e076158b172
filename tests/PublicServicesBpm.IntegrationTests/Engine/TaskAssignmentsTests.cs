using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.IntegrationTests.Engine;

public sealed class TaskAssignmentsTests : RuntimeTestBase
{
    private static readonly string s_receive = Process("tiep-nhan", """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="receive" />
        <bpmn:userTask id="receive" name="Tiếp nhận hồ sơ" psb:candidateGroups="one-stop-officer" />
        <bpmn:sequenceFlow id="f2" sourceRef="receive" targetRef="end" />
        <bpmn:endEvent id="end" />
        """);

    private TaskAssignments Assignments => new(DataSource, Clock);

    [Fact]
    public async Task ClaimAsync_TwoOfficersAtOnce_OneGetsItTheOtherIsToldWhoHasIt()
    {
        var taskId = await OpenTaskAsync();

        var results = await Task.WhenAll(new[] { "lan", "minh" }.Select(async user =>
        {
            try
            {
                await Assignments.ClaimAsync(taskId, user, CancellationToken.None);
                return (user, error: (string?)null);
            }
            catch (EngineCommandException exception)
            {
                return (user, error: exception.Message);
            }
        }));

        var winner = Assert.Single(results, r => r.error is null).user;
        var loser = Assert.Single(results, r => r.error is not null);
        Assert.Contains($"held by {winner}", loser.error, StringComparison.Ordinal);
        Assert.Equal(winner, await ScalarAsync<string>("SELECT assignee FROM bpm.user_tasks WHERE id = @id", ("id", taskId)));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bpm.history_events WHERE type = 'TaskClaimed'"));
    }

    [Fact]
    public async Task UnclaimAsync_ByTheAssignee_ReturnsTheTaskToTheQueue()
    {
        var taskId = await OpenTaskAsync();
        await Assignments.ClaimAsync(taskId, "lan", CancellationToken.None);

        await Assert.ThrowsAsync<EngineCommandException>(() => Assignments.UnclaimAsync(taskId, "minh", CancellationToken.None));
        await Assignments.UnclaimAsync(taskId, "lan", CancellationToken.None);

        Assert.Null(await ScalarAsync<string>("SELECT assignee FROM bpm.user_tasks WHERE id = @id", ("id", taskId)));
    }

    [Fact]
    public async Task DelegateAsync_ThenResolve_TheTaskGoesBackToItsOwner()
    {
        var taskId = await OpenTaskAsync();
        await Assignments.AssignAsync(taskId, "lan", "truong-phong", CancellationToken.None);

        await Assignments.DelegateAsync(taskId, "minh", "lan", CancellationToken.None);
        Assert.Equal("minh", await ScalarAsync<string>("SELECT assignee FROM bpm.user_tasks WHERE id = @id", ("id", taskId)));
        Assert.Equal("lan", await ScalarAsync<string>("SELECT owner FROM bpm.user_tasks WHERE id = @id", ("id", taskId)));

        await Assignments.ResolveDelegationAsync(taskId, "minh", CancellationToken.None);

        Assert.Equal("lan", await ScalarAsync<string>("SELECT assignee FROM bpm.user_tasks WHERE id = @id", ("id", taskId)));
        Assert.Null(await ScalarAsync<string>("SELECT owner FROM bpm.user_tasks WHERE id = @id", ("id", taskId)));
        Assert.Equal(["TaskAssigned", "TaskDelegated", "TaskDelegationResolved"],
            await ListAsync("SELECT type FROM bpm.history_events WHERE type LIKE 'TaskAssigned' OR type LIKE 'TaskDelegat%' ORDER BY id"));
    }

    [Fact]
    public async Task ClaimAsync_CompletedTask_IsRefusedSayingSo()
    {
        var taskId = await OpenTaskAsync();
        var instance = await ScalarAsync<Guid>("SELECT instance_id FROM bpm.user_tasks WHERE id = @id", ("id", taskId));
        await Runtime.ExecuteAsync(instance, new CompleteUserTask(taskId), null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<EngineCommandException>(() => Assignments.ClaimAsync(taskId, "lan", CancellationToken.None));

        Assert.Contains("is completed", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> OpenTaskAsync()
    {
        await DeployAsync(s_receive);
        var started = await Runtime.StartAsync("tiep-nhan", null, null, null, CancellationToken.None);
        return (await ScalarAsync<string>("SELECT id FROM bpm.user_tasks WHERE instance_id = @id", ("id", started.InstanceId)))!;
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
