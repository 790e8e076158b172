using System.Globalization;
using Npgsql;
using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Benchmarks;

/// <summary>The processes the benchmarks run, inline, and their deployment (a row in bpm.process_definition_versions).</summary>
internal static class BenchProcesses
{
    public const string TwoTasks = "bench-two-tasks";
    public const string TimerWait = "bench-timer";
    public const string Loop = "bench-loop";

    /// <summary>start → review (user task) → approve (user task) → end.</summary>
    public static string TwoTasksXml => Definitions(TwoTasks, """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:userTask id="review" name="Thẩm định" psb:candidateGroups="specialist" psb:outcomes="approve,reject" psb:dueIn="P2D" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="approve" />
        <bpmn:userTask id="approve" name="Phê duyệt" psb:candidateGroups="leader" psb:outcomes="approve,reject" psb:dueIn="P1D" />
        <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
        <bpmn:endEvent id="end" />
        """);

    /// <summary>start → wait one working hour (timer catch) → end.</summary>
    public static string TimerWaitXml => Definitions(TimerWait, """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
        <bpmn:endEvent id="end" />
        """);

    /// <summary>start → merge → work (user task) → check: back to merge while count &lt; <paramref name="iterations"/>, else end.</summary>
    public static string LoopXml(int iterations) => Definitions(Loop, """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="merge" />
        <bpmn:exclusiveGateway id="merge" />
        <bpmn:sequenceFlow id="f2" sourceRef="merge" targetRef="work" />
        <bpmn:userTask id="work" name="Bổ sung" psb:candidateGroups="specialist" />
        <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="check" />
        <bpmn:exclusiveGateway id="check" default="done" />
        <bpmn:sequenceFlow id="again" sourceRef="check" targetRef="merge"><bpmn:conditionExpression>=count &lt; LIMIT</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="done" sourceRef="check" targetRef="end" />
        <bpmn:endEvent id="end" />
        """.Replace("LIMIT", iterations.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>Deploys version 1 of <paramref name="key"/> unless a version of it exists (benchmark groups may run alone or together).</summary>
    public static async Task DeployIfMissingAsync(NpgsqlDataSource dataSource, string key, string xml)
    {
        await using var exists = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM bpm.process_definition_versions WHERE key = @key)");
        exists.Parameters.AddWithValue("key", key);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            await DeployAsync(dataSource, key, xml);
        }
    }

    /// <summary>Deploys version 1 of <paramref name="key"/> as the host does (content hash from the importer).</summary>
    public static async Task DeployAsync(NpgsqlDataSource dataSource, string key, string xml)
    {
        var import = BpmnImporter.Import(xml);
        var document = import.IsValid ? import.Document! : throw new InvalidOperationException($"{key} does not import: {string.Join("; ", import.Errors)}");
        await using var command = dataSource.CreateCommand("""
            INSERT INTO bpm.process_definition_versions (id, key, version, content_hash, bpmn_xml, deployed_at, deployed_by)
            VALUES (@id, @key, 1, @hash, @xml, now(), 'benchmark')
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("hash", document.ContentHash);
        command.Parameters.AddWithValue("xml", xml);
        await command.ExecuteNonQueryAsync();
    }

    internal static string Definitions(string key, string body) => $"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="d" targetNamespace="urn:bench">
          <bpmn:process id="{key}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}
