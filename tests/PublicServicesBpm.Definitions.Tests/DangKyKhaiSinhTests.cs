using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>The online path of birth registration: the applicant confirms the draft, or a working day passes.</summary>
public sealed class DangKyKhaiSinhTests
{
    private static readonly ProcessDefinition s_definition = BpmnImporter.Import(File.ReadAllText(
        Path.Combine(RepositoryDefinitions.WorkflowsDirectory, "dang-ky-khai-sinh", "dang-ky-khai-sinh.bpmn"))).Document!.FindProcess("dang-ky-khai-sinh")!;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public void OnlineApplicant_ConfirmsTheDraft_GoesToTheLeaderToSign()
    {
        var result = RunToConfirmation();

        result = Execute(result.State, new CorrelateMessage("draft-confirmed", "H56-261126-0001"));

        Assert.Contains(result.Effects, e => e is UserTaskCreated { ElementId: "sign" });
        Assert.Contains(result.Effects, e => e is TimerCancelled);
    }

    [Fact]
    public void OnlineApplicant_SilentForOneWorkingDay_DraftCountsAsConfirmed()
    {
        var waiting = RunToConfirmation();
        var timer = Assert.Single(waiting.Effects.OfType<TimerScheduled>());
        // The officers finished at 14:00 on Thursday; one working day (8 working hours) later is Friday 14:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.FromHours(7)), timer.DueAt);

        _clock.SetUtcNow(timer.DueAt);
        var result = Execute(waiting.State, new FireTimer(timer.TimerId));

        Assert.Contains(result.Effects, e => e is UserTaskCreated { ElementId: "sign" });
    }

    [Fact]
    public void Receipt_Refused_RefusalSlipThenNotReceived()
    {
        var run = WorkflowRun.Start("dang-ky-khai-sinh", _clock.GetUtcNow())
            .Complete("receive", "refuse", new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7)));

        Assert.Equal("ly-do-tu-choi", run.Task("refuse-receipt").FormKey);
        run.Complete("refuse-receipt", "notified", new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(7)));
        Assert.True(run.HasEnded);
        Assert.Equal([1, 2, 3], run.Statuses);
    }

    private ExecutionResult RunToConfirmation()
    {
        var result = Execute(null, new StartInstance(Guid.CreateVersion7().ToString(), 1,
            new JsonObject { ["channel"] = "online", ["dossierCode"] = "H56-261126-0001" }));
        foreach (var step in new[] { "receive", "check-parents", "record-birth" })
        {
            var task = result.Effects.OfType<UserTaskCreated>().Single(t => t.ElementId == step);
            _clock.Advance(TimeSpan.FromHours(2));
            result = Execute(result.State, new CompleteUserTask(task.TaskId, task.Outcomes[0]));
        }
        Assert.Contains(result.Effects, e => e is SubscriptionOpened { MessageName: "draft-confirmed", CorrelationKey: "H56-261126-0001" });
        return result;
    }

    private ExecutionResult Execute(ProcessInstanceState? state, EngineCommand command) =>
        ProcessInterpreter.Execute(s_definition, state, command, new ExecutionEnvironment(_clock, new VietnamBusinessCalendar()));
}
