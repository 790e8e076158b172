using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

/// <summary>The construction permit procedure: supplementation race, reminder timer, terminate end.</summary>
public sealed class ConstructionPermitImportTests
{
    private static readonly ProcessDefinition Process =
        BpmnFixture.Import(BpmnFixture.Read("cap-giay-phep-xay-dung-nha-o.bpmn")).Document!.Processes.Single();

    [Fact]
    public void Import_DefaultNamespaceFile_HasNoProblems()
    {
        var result = BpmnFixture.Import(BpmnFixture.Read("cap-giay-phep-xay-dung-nha-o.bpmn"));

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Import_EventBasedGateway_RacesMessageAgainstTimer()
    {
        Assert.IsType<EventBasedGateway>(Process.FindNode("Gateway_choBoSung"));
        var targets = Process.Scope.Outgoing("Gateway_choBoSung").Select(f => Process.FindNode(f.TargetRef)).ToList();

        var message = Assert.IsType<MessageTrigger>(Assert.IsType<IntermediateCatchEvent>(targets[0]).Trigger);
        var timer = Assert.IsType<TimerTrigger>(Assert.IsType<IntermediateCatchEvent>(targets[1]).Trigger);
        Assert.Equal("bo-sung-ho-so", message.Message.Name);
        Assert.Equal(TimerKind.Duration, timer.Kind);
        Assert.True(timer.IsFeel);
        Assert.Equal("=supplementDeadline", timer.Expression);
        Assert.Equal(TimeBasis.CalendarTime, timer.Calendar);
    }

    [Fact]
    public void Import_TerminateEndEvent_KindAndStatus()
    {
        var end = Assert.IsType<EndEvent>(Process.FindNode("End_huy"));

        Assert.Equal(EndEventKind.Terminate, end.Kind);
        Assert.Equal(9, end.DossierStatus);
        Assert.Equal(EndEventKind.None, Assert.IsType<EndEvent>(Process.FindNode("End_capPhep")).Kind);
    }

    [Fact]
    public void Import_ExtensionValues_FormVersionExpressionGroupsZeroRetries()
    {
        Assert.Equal(new FormBinding(FormBindingKind.Version, 3), Assert.IsType<StartEvent>(Process.FindNode("Start")).FormBinding);
        var inspect = Assert.IsType<UserTask>(Process.FindNode("Task_kiemTra"));
        Assert.Empty(inspect.CandidateGroups!.Groups);
        Assert.Equal("inspectors", inspect.CandidateGroups.Expression!.Body);
        Assert.Equal(0, Assert.IsType<SendTask>(Process.FindNode("Task_nhacNho")).Retries);
        Assert.Equal(new IsoDuration(0, 0, 0, 10, 0, 0, 0), Assert.IsType<UserTask>(Process.FindNode("Task_thamDinh")).DueIn);
    }

    [Fact]
    public void Import_ManualTaskAndNonInterruptingTimerOnUserTask()
    {
        Assert.Equal("Trả văn bản từ chối có nêu lý do", Assert.IsType<ManualTask>(Process.FindNode("Task_traVanBan")).Name);
        var reminder = Process.Scope.BoundaryEventsOf("Task_thamDinh")[0];
        Assert.False(reminder.CancelActivity);
        Assert.Equal("P8D", Assert.IsType<TimerTrigger>(reminder.Trigger).Expression);
    }

    [Fact]
    public void Import_InterruptingMessageBoundary_WithdrawalCorrelatedByDossier()
    {
        var withdrawal = Assert.IsType<BoundaryEvent>(Process.FindNode("Boundary_rutHoSo"));

        Assert.True(withdrawal.CancelActivity);
        Assert.Equal("Task_thamDinh", withdrawal.AttachedToRef);
        var trigger = Assert.IsType<MessageTrigger>(withdrawal.Trigger);
        Assert.Equal(("rut-ho-so", "dossierCode"), (trigger.Message.Name, trigger.CorrelationKey!.Body));
        Assert.Equal(["Boundary_nhacThamDinh", "Boundary_rutHoSo"], Process.Scope.BoundaryEventsOf("Task_thamDinh").Select(b => b.Id));
    }
}
