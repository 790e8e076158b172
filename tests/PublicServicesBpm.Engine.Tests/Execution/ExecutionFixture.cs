using System.Runtime.CompilerServices;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Execution;

/// <summary>Definitions for interpreter tests: fixture files beside the tests, or small inline processes.</summary>
internal static class ExecutionFixture
{
    private const string Header =
        """<?xml version="1.0" encoding="UTF-8"?>""" + "\n"
        + """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs">""";

    /// <summary>Imports a fixture file from <c>Execution/Fixtures</c>; it must be valid.</summary>
    public static ProcessDefinition File(string fileName, string? processKey = null, [CallerFilePath] string callerPath = "") =>
        Import(System.IO.File.ReadAllText(Path.Combine(Path.GetDirectoryName(callerPath)!, "Fixtures", fileName)), processKey);

    /// <summary>Imports an inline process <c>p</c> with this body; it must be valid.</summary>
    public static ProcessDefinition Inline(string body, string declarations = "") =>
        Import($"""
            {Header}
              {declarations}
              <bpmn:process id="p" isExecutable="true">
                {body}
              </bpmn:process>
            </bpmn:definitions>
            """, "p");

    private static ProcessDefinition Import(string xml, string? processKey)
    {
        var result = BpmnImporter.Import(xml);
        Assert.True(result.IsValid, "Fixture is invalid:\n" + string.Join("\n", result.Problems));
        return processKey is null ? result.Document!.ExecutableProcesses.Single() : result.Document!.FindProcess(processKey)!;
    }
}
