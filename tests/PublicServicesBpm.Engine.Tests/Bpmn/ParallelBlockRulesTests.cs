using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class ParallelBlockRulesTests
{
    private static string Flows(params string[] pairs) =>
        string.Concat(pairs.Select((pair, i) =>
        {
            var parts = pair.Split("->");
            return $"<bpmn:sequenceFlow id=\"{(parts.Length == 3 ? parts[2] : $"sf{i}")}\" sourceRef=\"{parts[0]}\" targetRef=\"{parts[1]}\" />\n";
        }));

    private static string Tasks(params string[] ids) => string.Concat(ids.Select(id => $"<bpmn:manualTask id=\"{id}\" />\n"));

    private static BpmnImportResult Import(string nodes, params string[] flows) =>
        BpmnFixture.Import(BpmnFixture.Process($"<bpmn:startEvent id=\"start\" />\n<bpmn:endEvent id=\"end\" />\n{nodes}{Flows(flows)}"));

    private const string ForkJoin = "<bpmn:parallelGateway id=\"fork\" /><bpmn:parallelGateway id=\"join\" />";

    [Fact]
    public void Validate_SimpleBlock_Valid()
    {
        var result = Import(ForkJoin + Tasks("a", "b"), "start->fork", "fork->a", "fork->b", "a->join", "b->join", "join->end");

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Validate_NestedBlocksAndEmptyBranch_Valid()
    {
        var result = Import(
            ForkJoin + "<bpmn:parallelGateway id=\"fork2\" /><bpmn:parallelGateway id=\"join2\" />" + Tasks("a", "b", "c"),
            "start->fork", "fork->a", "fork->fork2", "fork->join", "fork2->b", "fork2->c", "b->join2", "c->join2", "join2->join", "a->join", "join->end");

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Validate_LoopInsideBranchAndAroundBlock_Valid()
    {
        var result = Import(
            ForkJoin + Tasks("a", "b") + """
            <bpmn:exclusiveGateway id="again" /><bpmn:exclusiveGateway id="check" default="ok" />
            <bpmn:exclusiveGateway id="round" /><bpmn:exclusiveGateway id="more" default="done" />
            """,
            "start->round", "round->fork", "fork->again", "again->a", "a->check", "check->again->redo", "check->join->ok", "fork->b", "b->join",
            "join->more", "more->round->repeat", "more->end->done");
        var conditioned = result; // the two loop-back flows need conditions; that is a gateway rule, not a block rule

        Assert.DoesNotContain(conditioned.Problems, p => p.Code == BpmnRules.ParallelBlock);
        Assert.Equal(["redo", "repeat"], conditioned.Errors.Select(e => e.ElementId).Order());
    }

    [Fact]
    public void Validate_BlockFollowedOnlyByTerminateEnd_Valid()
    {
        // Found by the judicial-record workflow: a process whose every path ends in a terminate end event (to close
        // open reminder tasks) had its join reported as "closing no fork", since all paths count as aborts.
        var nodes = ForkJoin + Tasks("a", "b") + "<bpmn:endEvent id=\"finish\"><bpmn:terminateEventDefinition /></bpmn:endEvent>";
        var result = BpmnFixture.Import(BpmnFixture.Process($"<bpmn:startEvent id=\"start\" />\n{nodes}{Flows("start->fork", "fork->a", "fork->b", "a->join", "b->join", "join->finish")}"));

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Validate_BranchAbortingWithTerminateEnd_Valid()
    {
        var result = Import(
            ForkJoin + Tasks("a", "b") + "<bpmn:exclusiveGateway id=\"x\" default=\"go\" /><bpmn:endEvent id=\"stop\"><bpmn:terminateEventDefinition /></bpmn:endEvent>",
            "start->fork", "fork->a", "fork->b", "a->x", "x->join->go", "x->stop->abort", "b->join", "join->end");

        Assert.Equal(["abort"], result.Errors.Select(e => e.ElementId)); // only: the abort flow lacks a condition
    }

    [Fact]
    public void Validate_BranchEndingBeforeJoin_ReportedOnFork()
    {
        var result = Import(
            "<bpmn:parallelGateway id=\"fork\" /><bpmn:endEvent id=\"early\" />" + Tasks("a", "b"),
            "start->fork", "fork->a", "fork->b", "a->early", "b->end");

        Assert.Equal("The branches of this parallel fork do not meet at one parallel join (a branch ends before they meet).",
            result.Single(BpmnRules.ParallelBlock, "fork").Message);
    }

    [Fact]
    public void Validate_BranchesMeetAtExclusiveGateway_ReportedOnFork()
    {
        var result = Import(
            "<bpmn:parallelGateway id=\"fork\" /><bpmn:exclusiveGateway id=\"merge\" />" + Tasks("a", "b"),
            "start->fork", "fork->a", "fork->b", "a->merge", "b->merge", "merge->end");

        Assert.Equal("The branches of this parallel fork do not meet at one parallel join (they first meet at exclusiveGateway 'merge').",
            result.Single(BpmnRules.ParallelBlock, "fork").Message);
    }

    [Fact]
    public void Validate_JoinAfterExclusiveSplit_ReportedOnJoin()
    {
        var result = Import(
            "<bpmn:exclusiveGateway id=\"x\" default=\"nb\" /><bpmn:parallelGateway id=\"join\" />" + Tasks("a", "b"),
            "start->x", "x->a->na", "x->b->nb", "a->join", "b->join", "join->end");

        Assert.StartsWith("This parallel join closes no parallel fork", result.Single(BpmnRules.ParallelBlock, "join").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GatewayThatJoinsAndForks_Reported()
    {
        var result = Import(
            ForkJoin + "<bpmn:parallelGateway id=\"both\" />" + Tasks("a", "b", "c", "d"),
            "start->fork", "fork->a", "fork->b", "a->both", "b->both", "both->c", "both->d", "c->join", "d->join", "join->end");

        Assert.StartsWith("Both joins (2 incoming) and forks (2 outgoing)", result.Single(BpmnRules.ParallelBlock, "both").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OverlappingBlocks_ReportedOnInnerFork()
    {
        // fork2's branch c runs into join, which belongs to the outer block: the blocks overlap.
        var result = Import(
            ForkJoin + "<bpmn:parallelGateway id=\"fork2\" /><bpmn:parallelGateway id=\"join2\" />" + Tasks("a", "b", "c"),
            "start->fork", "fork->a", "fork->fork2", "fork2->b", "fork2->c", "a->join2", "b->join2", "c->join", "join2->join", "join->end");

        Assert.Contains(result.Errors, e => e.Code == BpmnRules.ParallelBlock && e.ElementId == "fork2");
    }

    [Fact]
    public void Validate_BranchReachingJoinOnTwoFlows_ReportedOnFork()
    {
        var result = Import(
            ForkJoin + Tasks("a", "b") + "<bpmn:exclusiveGateway id=\"x\" default=\"x2\" />",
            "start->fork", "fork->a->branchA", "fork->b", "a->x", "x->join->x1", "x->join->x2", "b->join", "join->end");

        var problem = result.Problems.Single(p => p.Code == BpmnRules.ParallelBlock);
        Assert.Equal("fork", problem.ElementId);
        Assert.StartsWith("Branch 'branchA' reaches join 'join' on 2 flows (x1, x2)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BranchLoopingBackToFork_Reported()
    {
        var result = Import(
            ForkJoin + Tasks("a", "b") + "<bpmn:exclusiveGateway id=\"in\" /><bpmn:exclusiveGateway id=\"x\" default=\"on\" />",
            "start->in", "in->fork", "fork->a", "fork->b", "a->x", "x->in->back", "x->join->on", "b->join", "join->end");

        Assert.Contains(result.Errors, e => e.Code == BpmnRules.ParallelBlock && e.ElementId == "fork");
    }

    [Fact]
    public void Validate_NonInterruptingBoundaryMergingIntoBranch_Reported()
    {
        var result = Import(
            ForkJoin + Tasks("b", "notify") + """
            <bpmn:userTask id="a" />
            <bpmn:boundaryEvent id="remind" attachedToRef="a" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:exclusiveGateway id="m" />
            """,
            "start->fork", "fork->a", "fork->b", "a->m", "remind->notify", "notify->m", "m->join", "b->join", "join->end");

        Assert.Contains("is also entered from 'notify' outside it", result.Single(BpmnRules.ParallelBlock, "fork").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonInterruptingReminderEndingOnItsOwn_Valid()
    {
        var result = Import(
            ForkJoin + Tasks("b", "notify") + """
            <bpmn:userTask id="a" />
            <bpmn:boundaryEvent id="remind" attachedToRef="a" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="reminded" />
            """,
            "start->fork", "fork->a", "fork->b", "a->join", "remind->notify", "notify->reminded", "b->join", "join->end");

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Validate_InterruptingBoundaryInBranchMergedBeforeJoin_Valid()
    {
        var result = Import(
            ForkJoin + Tasks("b", "late") + """
            <bpmn:userTask id="a" />
            <bpmn:boundaryEvent id="deadline" attachedToRef="a"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:exclusiveGateway id="m" />
            """,
            "start->fork", "fork->a", "fork->b", "a->m", "deadline->late", "late->m", "m->join", "b->join", "join->end");

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Validate_ForkBranchToMissingNode_ReportsTheFlowWithoutCrashing()
    {
        var result = Import(ForkJoin + Tasks("a", "b"), "start->fork", "fork->a", "fork->b", "fork->ghost->broken", "a->join", "b->join", "join->end");

        result.Single(BpmnRules.FlowReference, "broken");
        Assert.DoesNotContain(result.Problems, p => p.Code == BpmnRules.ParallelBlock);
    }
}
