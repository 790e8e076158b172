using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

/// <summary>The judicial record certificate procedure: lanes, a parallel block, messages, a reminder timer.</summary>
public sealed class JudicialRecordImportTests
{
    private static readonly string Xml = BpmnFixture.Read("cap-phieu-ly-lich-tu-phap.bpmn");
    private static readonly ProcessDefinition Process = BpmnFixture.Import(Xml).Document!.Processes.Single();

    [Fact]
    public void Import_BpmnJsFileWithCollaborationAndLanes_HasNoProblems()
    {
        var result = BpmnFixture.Import(Xml);

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Equal("Definitions_lltp", result.Document!.DefinitionsId);
        Assert.Equal(Xml, result.Document.SourceXml);
    }

    [Fact]
    public void Import_Process_KeyNameAndExecutable()
    {
        Assert.Equal("cap-phieu-ly-lich-tu-phap", Process.Key);
        Assert.Equal("Cấp Phiếu lý lịch tư pháp", Process.Name);
        Assert.True(Process.IsExecutable);
        Assert.Equal(20, Process.Scope.Nodes.Count);
        Assert.Equal(20, Process.Scope.SequenceFlows.Count);
    }

    [Fact]
    public void Import_Lanes_GiveDefaultCandidateGroupsToTasksWithoutTheirOwn()
    {
        Assert.Equal(["Lane_motCua", "Lane_chuyenVien", "Lane_lanhDao"], Process.Lanes.Select(l => l.Id));
        Assert.Contains("Task_tiepNhan", Process.Lanes[0].FlowNodeIds);
        Assert.Equal(["one-stop-officer@{agency}"], Node<UserTask>("Task_tiepNhan").CandidateGroups!.Groups);
        Assert.Equal(["specialist@{agency}"], Node<UserTask>("Task_duThao").CandidateGroups!.Groups);
        Assert.Equal(["senior-specialist@{agency}"], Node<UserTask>("Task_duThaoPhucTap").CandidateGroups!.Groups);
    }

    [Fact]
    public void Import_StartEvent_FormAndDossierStatus()
    {
        var start = Node<StartEvent>("StartEvent_nopHoSo");

        Assert.Same(start, Process.Scope.StartEvent);
        Assert.Equal("to-khai-lltp", start.FormKey);
        Assert.Equal(FormBinding.Deployment, start.FormBinding);
        Assert.Equal(1, start.DossierStatus);
    }

    [Fact]
    public void Import_UserTask_AllExtensionAttributes()
    {
        var receive = Node<UserTask>("Task_tiepNhan");
        var sign = Node<UserTask>("Task_kyPhieu");

        Assert.Equal("Tiếp nhận và kiểm tra hồ sơ", receive.Name);
        Assert.Equal("tiep-nhan-lltp", receive.FormKey);
        Assert.Equal(FormBindingKind.Latest, receive.FormBinding.Kind);
        Assert.Equal(["accept", "reject"], receive.Outcomes);
        Assert.Equal(new IsoDuration(0, 0, 0, 0, 4, 0, 0), receive.DueIn);
        Assert.Equal(TimeBasis.WorkingTime, receive.Calendar);
        Assert.Equal(2, receive.DossierStatus);
        Assert.Null(receive.Assignee);
        Assert.Equal("leaderOnDuty", sign.Assignee!.Body);
        Assert.Equal(["leader"], sign.CandidateGroups!.Groups);
        Assert.Equal(TimeBasis.CalendarTime, sign.Calendar);
        Assert.Equal(["sign", "return"], sign.Outcomes);
    }

    [Fact]
    public void Import_SendAndServiceTasks_HandlerAndRetries()
    {
        var police = Node<SendTask>("Task_guiCongAn");
        var court = Node<ServiceTask>("Task_guiToaAn");

        Assert.Equal("police.requestRecordVerification", police.HandlerType);
        Assert.Equal(5, police.Retries);
        Assert.Equal(3, police.DossierStatus);
        Assert.Equal("court.requestVerification", court.HandlerType);
        Assert.Equal(JobActivity.DefaultRetries, court.Retries);
    }

    [Fact]
    public void Import_MessageWaits_ResolveMessageNamesAndKeepCorrelationKeys()
    {
        var catchEvent = Node<IntermediateCatchEvent>("Catch_ketQuaCongAn");
        var receiveTask = Node<ReceiveTask>("Task_choToaAn");

        var trigger = Assert.IsType<MessageTrigger>(catchEvent.Trigger);
        Assert.Equal(new MessageDeclaration("Message_ketQuaCongAn", "ket-qua-xac-minh-cong-an"), trigger.Message);
        Assert.Equal("=dossierCode", trigger.CorrelationKey!.Raw);
        Assert.Equal("ket-qua-xac-minh-toa-an", receiveTask.Message.Name);
        Assert.Equal("dossierCode", receiveTask.CorrelationKey!.Body);
    }

    [Fact]
    public void Import_NonInterruptingTimerBoundary_AttachedToReceiveTask()
    {
        var boundary = Node<BoundaryEvent>("Boundary_nhacToaAn");

        Assert.Equal("Task_choToaAn", boundary.AttachedToRef);
        Assert.False(boundary.CancelActivity);
        Assert.Equal(new TimerTrigger(TimerKind.Duration, "P5D", TimeBasis.WorkingTime), boundary.Trigger);
        Assert.Equal([boundary], Process.Scope.BoundaryEventsOf("Task_choToaAn"));
    }

    [Fact]
    public void Import_Gateways_DefaultFlowAndConditionsInDocumentOrder()
    {
        var complex = Node<ExclusiveGateway>("Gateway_phucTap");
        var outgoing = Process.Scope.Outgoing(complex.Id);

        Assert.Equal("Flow_thongThuong", complex.DefaultFlowId);
        Assert.Equal(["Flow_phucTap", "Flow_thongThuong"], outgoing.Select(f => f.Id));
        Assert.Equal("livedInSeveralPlaces or isForeigner or expungementToVerify", outgoing[0].Condition!.Raw);
        Assert.Null(outgoing[1].Condition);
        Assert.Equal("=outcome = \"accept\"", Process.Scope.FindFlow("Flow_hopLe")!.Condition!.Raw);
        Assert.IsType<ParallelGateway>(Process.FindNode("Gateway_fork"));
        Assert.Equal(2, Process.Scope.Incoming("Gateway_join").Count);
    }

    private static T Node<T>(string id)
        where T : FlowNode => Assert.IsType<T>(Process.FindNode(id));
}
