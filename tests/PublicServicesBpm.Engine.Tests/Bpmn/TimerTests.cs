using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class TimerTests
{
    private static BpmnImportResult Import(string timerBody) =>
        BpmnFixture.Import(BpmnFixture.Linear("wait", $"<bpmn:intermediateCatchEvent id=\"wait\"><bpmn:timerEventDefinition>{timerBody}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"));

    [Theory]
    [InlineData("<bpmn:timeDuration>PT2H30M</bpmn:timeDuration>", TimerKind.Duration)]
    [InlineData("<bpmn:timeDuration>= appointment - duration(\"P1D\")</bpmn:timeDuration>", TimerKind.Duration)]
    [InlineData("<bpmn:timeDate>2026-03-01T08:00:00Z</bpmn:timeDate>", TimerKind.Date)]
    [InlineData("<bpmn:timeCycle>R/PT1H</bpmn:timeCycle>", TimerKind.Cycle)]
    [InlineData("<bpmn:timeCycle>R5/2026-03-01T08:00:00+07:00/P1D</bpmn:timeCycle>", TimerKind.Cycle)]
    public void Import_ValidTimer_Parsed(string body, TimerKind kind)
    {
        var result = Import(body);

        Assert.Empty(result.Problems);
        var wait = Assert.IsType<IntermediateCatchEvent>(result.Document!.Processes[0].FindNode("wait"));
        Assert.Equal(kind, Assert.IsType<TimerTrigger>(wait.Trigger).Kind);
    }

    [Theory]
    [InlineData("", "found 0")]
    [InlineData("<bpmn:timeDuration>P1D</bpmn:timeDuration><bpmn:timeDate>2026-03-01T08:00:00Z</bpmn:timeDate>", "found 2")]
    [InlineData("<bpmn:timeDuration> </bpmn:timeDuration>", "The timeDuration is empty.")]
    [InlineData("<bpmn:timeDuration>3 days</bpmn:timeDuration>", "'3 days' is not an ISO-8601 duration")]
    [InlineData("<bpmn:timeDate>2026-03-01T08:00:00</bpmn:timeDate>", "is not an ISO-8601 date-time with a UTC offset")]
    [InlineData("<bpmn:timeCycle>0 0 8 * * ?</bpmn:timeCycle>", "cron is not supported")]
    [InlineData("<bpmn:timeCycle>R3/P1X</bpmn:timeCycle>", "is not an ISO-8601 repeating interval")]
    public void Import_InvalidTimer_ReportedOnEvent(string body, string message)
    {
        var problem = Import(body).Single(BpmnRules.Timer, "wait");

        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
