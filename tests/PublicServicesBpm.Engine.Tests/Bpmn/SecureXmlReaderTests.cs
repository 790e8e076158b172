using System.Globalization;
using System.Text;
using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

public sealed class SecureXmlReaderTests
{
    [Fact]
    public void Import_ExternalEntity_RejectedWithoutReadingTheFile()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="&xxe;" /></bpmn:definitions>
            """;

        var result = BpmnImporter.Import(xml);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(BpmnRules.XmlDtd, problem.Code);
        Assert.DoesNotContain("root:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BillionLaughs_RejectedAsDtd()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};\">");
        }

        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]><lolz>&lol9;</lolz>";

        var result = BpmnImporter.Import(xml);

        Assert.Null(result.Document);
        Assert.Equal(BpmnRules.XmlDtd, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Import_DoctypeWithoutEntities_Rejected()
    {
        var result = BpmnImporter.Import("<!DOCTYPE definitions><definitions />");

        Assert.Equal(BpmnRules.XmlDtd, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Import_UndeclaredEntity_ReportedAsMalformed()
    {
        var result = BpmnImporter.Import(BpmnFixture.Process("<bpmn:startEvent id=\"s\" name=\"&boom;\" />"));

        Assert.Equal(BpmnRules.XmlMalformed, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Import_OversizedInput_RejectedBeforeParsing()
    {
        var xml = BpmnFixture.Process($"<bpmn:documentation>{new string('x', BpmnImporter.MaxCharacters)}</bpmn:documentation>");

        var result = BpmnImporter.Import(xml);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(BpmnRules.XmlLimit, problem.Code);
        Assert.Contains("characters", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DeeplyNestedElements_RejectedWithLimit()
    {
        var depth = BpmnImporter.MaxDepth + 10;
        var xml = BpmnFixture.Process(string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth)));

        var result = BpmnImporter.Import(xml);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(BpmnRules.XmlLimit, problem.Code);
        Assert.Contains("nested deeper", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MalformedXml_ReportsLineAndPosition()
    {
        const string xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"p\">\n    <bpmn:startEvent id=\"s\">\n  </bpmn:process>\n</bpmn:definitions>";

        var result = BpmnImporter.Import(xml);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(BpmnRules.XmlMalformed, problem.Code);
        Assert.Equal("document", problem.ElementType);
        Assert.Contains("line 4, position", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<a><b></a>")]
    public void Import_NotWellFormed_ReportsMalformedWithoutThrowing(string xml)
    {
        var result = BpmnImporter.Import(xml);

        Assert.False(result.IsValid);
        Assert.Equal(BpmnRules.XmlMalformed, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Import_WellFormedButNotBpmn_ReportsNotBpmn()
    {
        var result = BpmnImporter.Import("<definitions xmlns=\"urn:something-else\" />");

        Assert.Null(result.Document);
        Assert.Equal(BpmnRules.NotBpmn, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Import_ManyPredefinedEntityReferences_Accepted()
    {
        var text = string.Concat(Enumerable.Repeat("Tiếp nhận &amp; trả kết quả &lt;một cửa&gt; &#x1EA1; ", 2000));
        var xml = BpmnFixture.Linear("t", $"<bpmn:manualTask id=\"t\" name=\"{text}\" />");

        var result = BpmnImporter.Import(xml);

        result.AssertNoErrors();
        Assert.StartsWith("Tiếp nhận & trả kết quả <một cửa> ạ", result.Document!.Processes[0].FindNode("t")!.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LeadingByteOrderMark_AcceptedWithSameHash()
    {
        var xml = BpmnFixture.Read("cap-giay-phep-xay-dung-nha-o.bpmn");

        var withBom = BpmnImporter.Import("\uFEFF" + xml);

        Assert.True(withBom.IsValid);
        Assert.Equal(BpmnImporter.Import(xml).Document!.ContentHash, withBom.Document!.ContentHash);
        Assert.StartsWith("\uFEFF", withBom.Document.SourceXml, StringComparison.Ordinal);
    }
}
