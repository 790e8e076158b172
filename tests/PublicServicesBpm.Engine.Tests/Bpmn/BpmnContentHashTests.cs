using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class BpmnContentHashTests
{
    private const string Original =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <bpmn:process id="p" name="Khai sinh" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string Hash(string xml) => BpmnImporter.Import(xml).Document!.ContentHash;

    [Fact]
    public void Hash_SameContentReformatted_Equal()
    {
        const string reformatted =
            "<!-- saved again --><definitions id='d' xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'>\r\n"
            + "<process isExecutable='true' name='Khai sinh' id='p'><startEvent id='s'></startEvent>\r\n"
            + "<endEvent id='e'/><sequenceFlow targetRef='e' sourceRef='s' id='f'/></process></definitions>";

        Assert.Equal(Hash(Original), Hash(reformatted));
    }

    [Theory]
    [InlineData("name=\"Khai sinh\"", "name=\"Khai sinh (2025)\"")]
    [InlineData("<bpmn:startEvent id=\"s\" />", "<bpmn:startEvent id=\"s\"><bpmn:documentation>mới</bpmn:documentation></bpmn:startEvent>")]
    [InlineData("targetRef=\"e\"", "targetRef=\"e\" psb:x=\"1\" xmlns:psb=\"urn:publicservicesbpm:bpmn:1\"")]
    public void Hash_ChangedContent_Differs(string before, string after)
    {
        Assert.NotEqual(Hash(Original), Hash(Original.Replace(before, after, StringComparison.Ordinal)));
    }

    [Fact]
    public void Hash_IsLowerCaseSha256Hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", Hash(Original));
    }
}
