namespace PublicServicesBpm.IntegrationTests.Designer;

/// <summary>Edits a designer makes to a shipped workflow, as text changes on its BPMN XML.</summary>
internal static class StudioSamples
{
    public const string UnconnectedTaskId = "buoc-bi-bo-quen";

    /// <summary>The name every shipped workflow gives its first user task (<c>receive</c>).</summary>
    private const string ReceiveTask = """id="receive" name="Tiếp nhận, kiểm tra hồ sơ" """;

    /// <summary>The workflow with one more user task that no sequence flow reaches or leaves.</summary>
    public static string WithUnconnectedTask(string xml)
    {
        Assert.Contains("</bpmn:process>", xml, StringComparison.Ordinal);
        return xml.Replace("</bpmn:process>", $"""  <bpmn:userTask id="{UnconnectedTaskId}" name="Bước chưa nối" psb:candidateGroups="specialist" />{"\n"}  </bpmn:process>""", StringComparison.Ordinal);
    }

    /// <summary>The workflow with its <c>receive</c> task renamed to <paramref name="name"/>.</summary>
    public static string WithReceiveTaskNamed(string xml, string name)
    {
        Assert.Contains(ReceiveTask, xml, StringComparison.Ordinal);
        return xml.Replace(ReceiveTask, $"""id="receive" name="{name}" """, StringComparison.Ordinal);
    }

    /// <summary>The workflow whose executable process (and the pool showing it) has the id <paramref name="newId"/>.</summary>
    public static string WithProcessId(string xml, string key, string newId)
    {
        Assert.Contains($"\"{key}\"", xml, StringComparison.Ordinal);
        return xml.Replace($"\"{key}\"", $"\"{newId}\"", StringComparison.Ordinal);
    }
}
