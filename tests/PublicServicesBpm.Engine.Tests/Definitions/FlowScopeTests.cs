using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Definitions;

public sealed class FlowScopeTests
{
    private static readonly FlowScope Inner = new(
        "sub",
        [new StartEvent { Id = "s2" }, new EndEvent { Id = "e2" }],
        [new SequenceFlow("fi", null, "s2", "e2", null)]);

    private static readonly FlowScope Scope = new(
        "p",
        [
            new StartEvent { Id = "s" },
            new ExclusiveGateway { Id = "x", DefaultFlowId = "b" },
            new SubProcess { Id = "sub", Scope = Inner },
            new BoundaryEvent { Id = "late", AttachedToRef = "sub", Trigger = new TimerTrigger(TimerKind.Duration, "P1D", TimeBasis.WorkingTime) },
            new EndEvent { Id = "e" },
        ],
        [
            new SequenceFlow("f0", null, "s", "x", null),
            new SequenceFlow("a", null, "x", "sub", new ExpressionText("=go")),
            new SequenceFlow("b", null, "x", "e", null),
            new SequenceFlow("f1", null, "sub", "e", null),
            new SequenceFlow("f2", null, "late", "e", null),
        ]);

    [Fact]
    public void Outgoing_InDocumentOrder()
    {
        Assert.Equal(["a", "b"], Scope.Outgoing("x").Select(f => f.Id));
        Assert.Equal(["b", "f1", "f2"], Scope.Incoming("e").Select(f => f.Id));
        Assert.Empty(Scope.Outgoing("e"));
    }

    [Fact]
    public void Lookups_FindNodesFlowsBoundaryEventsAndStart()
    {
        Assert.Equal("s", Scope.StartEvent!.Id);
        Assert.IsType<ExclusiveGateway>(Scope.FindNode("x"));
        Assert.Null(Scope.FindNode("s2"));
        Assert.Equal("=go", Scope.FindFlow("a")!.Condition!.Raw);
        Assert.Equal(["late"], Scope.BoundaryEventsOf("sub").Select(b => b.Id));
        Assert.Empty(Scope.BoundaryEventsOf("x"));
    }

    [Fact]
    public void AllNodes_IncludesNestedScopesDepthFirst()
    {
        Assert.Equal(["s", "x", "sub", "s2", "e2", "late", "e"], Scope.AllNodes().Select(n => n.Id));
    }

    [Fact]
    public void ProcessDefinition_FindNodeAndScopeAcrossSubProcesses()
    {
        var process = new ProcessDefinition("p", "Thủ tục", true, Scope, []);

        Assert.IsType<EndEvent>(process.FindNode("e2"));
        Assert.Same(Inner, process.FindScopeOf("e2"));
        Assert.Same(Scope, process.FindScopeOf("x"));
        Assert.Null(process.FindScopeOf("missing"));
    }

    [Fact]
    public void Constructor_DuplicateNodeId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FlowScope("p", [new StartEvent { Id = "s" }, new EndEvent { Id = "s" }], []));
    }

    [Fact]
    public void StartEvent_TwoStartEvents_Null()
    {
        var scope = new FlowScope("p", [new StartEvent { Id = "s1" }, new StartEvent { Id = "s2" }], []);

        Assert.Null(scope.StartEvent);
    }
}
