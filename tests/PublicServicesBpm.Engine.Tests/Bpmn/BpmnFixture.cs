using System.Runtime.CompilerServices;
using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

/// <summary>
/// Test input: fixture files read from beside the test sources (no copy to the output directory needed),
/// and small inline documents for the rule tests.
/// </summary>
internal static class BpmnFixture
{
    public const string Header =
        """<?xml version="1.0" encoding="UTF-8"?>""" + "\n"
        + """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs">""";

    public static string Read(string fileName, [CallerFilePath] string callerPath = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(callerPath)!, "Fixtures", fileName));

    /// <summary>A document with one executable process <c>p</c> holding <paramref name="body"/>.</summary>
    public static string Process(string body, string declarations = "") =>
        $"""
        {Header}
          {declarations}
          <bpmn:process id="p" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → the node <paramref name="middleId"/> → end, with flows f1 and f2.</summary>
    public static string Linear(string middleId, string middle, string declarations = "") =>
        Process(
            $"""
            <bpmn:startEvent id="start" />
            {middle}
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{middleId}" />
            <bpmn:sequenceFlow id="f2" sourceRef="{middleId}" targetRef="end" />
            """,
            declarations);

    public static BpmnImportResult Import(string xml, IDeploymentContext? context = null) => BpmnImporter.Import(xml, context);

    /// <summary>Asserts that a problem with this rule code names this element, and returns it.</summary>
    public static BpmnProblem Single(this BpmnImportResult result, string code, string? elementId)
    {
        var matches = result.Problems.Where(p => p.Code == code && p.ElementId == elementId).ToList();
        Assert.True(matches.Count == 1,
            $"Expected one [{code}] problem on '{elementId}', got {matches.Count}. All problems:\n{string.Join("\n", result.Problems)}");
        return matches[0];
    }

    /// <summary>Asserts the import produced no errors (warnings allowed).</summary>
    public static void AssertNoErrors(this BpmnImportResult result) =>
        Assert.True(result.Errors.Count == 0, "Unexpected errors:\n" + string.Join("\n", result.Errors));
}
