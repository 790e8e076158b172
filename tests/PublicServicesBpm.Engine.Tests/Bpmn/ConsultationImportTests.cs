using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

/// <summary>Consulting several agencies ("lấy ý kiến"): multi-instance sub-process, errors, call activities.</summary>
public sealed class ConsultationImportTests
{
    private static readonly BpmnDocumentFixture Fixture = new();

    private static ProcessDefinition Process => Fixture.Document.Processes.Single();

    [Fact]
    public void Import_ConsultationFile_HasNoProblems()
    {
        Assert.Empty(Fixture.Result.Problems);
        Assert.Equal([new ErrorDeclaration("Error_phanDoi", "Cơ quan phản đối", "OBJECTION")], Fixture.Document.Errors);
        Assert.Equal("y-kien-co-quan", Assert.Single(Fixture.Document.Messages).Name);
    }

    [Fact]
    public void Import_MultiInstanceSubProcess_ParallelWithCollectionVariableAndCompletion()
    {
        var sub = Assert.IsType<SubProcess>(Process.FindNode("Sub_layYKien"));

        Assert.Equal(
            new MultiInstance(false, new ExpressionText("=consultedAgencies"), "agency", new ExpressionText("=nrOfCompletedInstances / nrOfInstances >= 0.5")),
            sub.MultiInstance);
        Assert.Equal(new IsoDuration(0, 0, 0, 5, 0, 0, 0), sub.DueIn);
        Assert.Equal(4, sub.DossierStatus);
        Assert.Equal("Sub_layYKien", sub.Scope.Id);
        Assert.Equal("Sub_start", sub.Scope.StartEvent!.Id);
        Assert.Equal(6, sub.Scope.Nodes.Count);
        Assert.Null(Process.Scope.FindNode("Task_choYKien"));
        Assert.Same(sub.Scope, Process.FindScopeOf("Task_choYKien"));
    }

    [Fact]
    public void Import_ErrorEndAndErrorBoundaries_ResolveDeclarations()
    {
        var end = Assert.IsType<EndEvent>(Process.FindNode("End_phanDoi"));
        var caught = Assert.IsType<BoundaryEvent>(Process.FindNode("Boundary_phanDoi"));
        var catchAll = Assert.IsType<BoundaryEvent>(Process.FindNode("Boundary_loiGoi"));

        Assert.Equal(EndEventKind.Error, end.Kind);
        Assert.Equal("OBJECTION", end.Error!.ErrorCode);
        Assert.True(caught.CancelActivity);
        Assert.Equal("OBJECTION", Assert.IsType<ErrorTrigger>(caught.Trigger).Error!.ErrorCode);
        Assert.Null(Assert.IsType<ErrorTrigger>(catchAll.Trigger).Error);
    }

    [Fact]
    public void Import_Timers_CycleAndDate()
    {
        var cycle = Assert.IsType<BoundaryEvent>(Process.FindNode("Boundary_nhac"));
        var date = Assert.IsType<IntermediateCatchEvent>(Process.FindNode("Catch_hopHoiDong"));

        Assert.Equal(new TimerTrigger(TimerKind.Cycle, "R3/P1D", TimeBasis.WorkingTime), cycle.Trigger);
        Assert.Equal(new TimerTrigger(TimerKind.Date, "2026-12-31T08:00:00+07:00", TimeBasis.WorkingTime), date.Trigger);
    }

    [Fact]
    public void Import_CallActivities_Bindings()
    {
        var byVersion = Assert.IsType<CallActivity>(Process.FindNode("Call_capPhep"));
        var byTag = Assert.IsType<CallActivity>(Process.FindNode("Call_theoNhan"));
        var latest = Assert.IsType<CallActivity>(Process.FindNode("Call_moiNhat"));

        Assert.Equal(("cap-giay-phep-xay-dung-nha-o", CallBinding.Version, 2), (byVersion.CalledElement, byVersion.Binding, byVersion.Version));
        Assert.Equal((CallBinding.VersionTag, "2025-reform"), (byTag.Binding, byTag.VersionTag));
        Assert.Equal("household", byTag.MultiInstance!.ElementVariable);
        Assert.Equal((CallBinding.Latest, (int?)null, (string?)null), (latest.Binding, latest.Version, latest.VersionTag));
    }

    [Fact]
    public void Import_SequentialMultiInstanceUserTaskAndScopedGroups()
    {
        var review = Assert.IsType<UserTask>(Process.FindNode("Task_tongHop"));
        var objection = Assert.IsType<UserTask>(Process.FindNode("Task_xuLyPhanDoi"));

        Assert.True(review.MultiInstance!.IsSequential);
        Assert.Equal("reviewers", review.MultiInstance.Collection.Body);
        Assert.Null(review.MultiInstance.CompletionCondition);
        Assert.Equal(["specialist", "leader@{agency}"], objection.CandidateGroups!.Groups);
    }

    private sealed class BpmnDocumentFixture
    {
        public BpmnDocumentFixture()
        {
            Result = BpmnFixture.Import(BpmnFixture.Read("lay-y-kien-co-quan.bpmn"));
            Document = Result.Document!;
        }

        public PublicServicesBpm.Engine.Bpmn.BpmnImportResult Result { get; }

        public BpmnDocument Document { get; }
    }
}
