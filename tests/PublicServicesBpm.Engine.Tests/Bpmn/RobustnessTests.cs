using System.Xml.Linq;
using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Engine.Tests.Bpmn;

/// <summary>
/// Damaged files never crash the importer: with any one element or attribute removed, or an attribute value garbled, a fixture still
/// yields a document (with problems where the damage matters) whose content hash tells it apart.
/// </summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("cap-phieu-ly-lich-tu-phap.bpmn")]
    [InlineData("cap-giay-phep-xay-dung-nha-o.bpmn")]
    [InlineData("lay-y-kien-co-quan.bpmn")]
    [InlineData("modeler-export.bpmn")]
    public void Import_FixtureWithAnyElementOrAttributeRemoved_StillYieldsADocument(string fileName)
    {
        var original = XDocument.Parse(BpmnFixture.Read(fileName));
        var originalHash = BpmnImporter.Import(original.ToString()).Document!.ContentHash;
        var elementCount = original.Descendants().Count();
        var attributeCount = Attributes(original).Count();

        for (var i = 1; i < elementCount; i++)
        {
            var copy = new XDocument(original);
            copy.Descendants().ElementAt(i).Remove();
            AssertImported(copy, originalHash);
        }

        for (var i = 0; i < attributeCount; i++)
        {
            var copy = new XDocument(original);
            Attributes(copy).ElementAt(i).Remove();
            AssertImported(copy, originalHash);

            var changed = new XDocument(original);
            Attributes(changed).ElementAt(i).Value = "zz z";
            AssertImported(changed, originalHash);
        }
    }

    private static IEnumerable<XAttribute> Attributes(XDocument document) =>
        document.Descendants().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration);

    private static void AssertImported(XDocument damaged, string originalHash)
    {
        var result = BpmnImporter.Import(damaged.ToString());

        Assert.NotNull(result.Document);
        Assert.NotEqual(originalHash, result.Document.ContentHash);
    }
}
