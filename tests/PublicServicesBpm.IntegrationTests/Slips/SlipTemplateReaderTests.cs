using PublicServicesBpm.Host.Features.Slips;

namespace PublicServicesBpm.IntegrationTests.Slips;

public sealed class SlipTemplateReaderTests
{
    private const string Minimal = """
        {
          "form": "03",
          "title": "Phiếu từ chối",
          "page": { "size": "a5", "orientation": "portrait", "marginsMm": { "top": 10, "right": 10, "bottom": 10, "left": 15 } },
          "blocks": [ { "type": "paragraph", "text": "Kính gửi: {applicant.name}" } ]
        }
        """;

    [Fact]
    public void RepositoryTemplates_AllForms_LoadAndValidate()
    {
        var templates = SlipSamples.Templates();

        Assert.Equal(["01", "02", "03", "04", "05", "06"], templates.Forms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_ValidTemplate_ReturnsBlocks()
    {
        var template = SlipTemplateReader.Read(Minimal, "03-test.json");

        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(template.Blocks));
        Assert.Equal("Kính gửi: {applicant.name}", paragraph.Text);
        Assert.Equal(SlipPageSize.A5, template.Page.Size);
    }

    [Fact]
    public void Read_UnknownField_NamesFieldPathAndKnownFields()
    {
        var json = Minimal.Replace("{applicant.name}", "{applicant.fullName}", StringComparison.Ordinal);

        var error = Assert.Throws<SlipTemplateException>(() => SlipTemplateReader.Read(json, "03-test.json"));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("03-test.json: $.blocks[0].text: unknown field '{applicant.fullName}'", problem, StringComparison.Ordinal);
        Assert.Contains("applicant.name", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenJson_SaysWhereWithLine()
    {
        var json = Minimal.Replace("\"blocks\": [", "\"blocks\": [,", StringComparison.Ordinal);

        var error = Assert.Throws<SlipTemplateException>(() => SlipTemplateReader.Read(json, "03-test.json"));

        Assert.Matches(@"^03-test\.json: line 5, .*", Assert.Single(error.Problems));
    }

    [Theory]
    [InlineData("\"type\": \"paragraph\"", "\"type\": \"picture\"", "picture")]
    [InlineData("\"title\": \"Phiếu từ chối\",", "\"title\": \"Phiếu từ chối\", \"colour\": \"red\",", "colour")]
    [InlineData("\"title\": \"Phiếu từ chối\",", "", "title")]
    [InlineData("\"form\": \"03\"", "\"form\": \"07\"", "'07' is not a form")]
    [InlineData("{applicant.name}", "{applicant.name:dd/MM}", "a format only applies")]
    [InlineData("{applicant.name}", "{applicant.name", "no closing")]
    [InlineData("\"size\": \"a5\"", "\"size\": \"a3\"", "line 4, $.page.size: The JSON value could not be converted")]
    public void Read_BadTemplate_GivesClearError(string replace, string with, string expected)
    {
        var json = Minimal.Replace(replace, with, StringComparison.Ordinal);

        var error = Assert.Throws<SlipTemplateException>(() => SlipTemplateReader.Read(json, "03-test.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("03-test.json: ", error.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FolderWithBrokenAndMisnamedFiles_ReportsEveryProblem()
    {
        var folder = Directory.CreateTempSubdirectory("slips-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "03-tu-choi.json"), Minimal.Replace("{applicant.name}", "{nobody}", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder.FullName, "04-xin-loi.json"), Minimal);
            File.WriteAllText(Path.Combine(folder.FullName, "05-kiem-soat.json"), "{ not json");

            var error = Assert.Throws<SlipTemplateException>(() => SlipTemplates.Load(folder.FullName));

            Assert.Equal(3, error.Problems.Count);
            Assert.Contains(error.Problems, p => p.StartsWith("03-tu-choi.json: $.blocks[0].text: unknown field '{nobody}'", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.StartsWith("04-xin-loi.json: holds form 03", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.StartsWith("05-kiem-soat.json: line 1", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Templates_FormWithoutTemplate_ClearError()
    {
        var folder = Directory.CreateTempSubdirectory("slips-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "03-tu-choi.json"), Minimal);
            var templates = SlipTemplates.Load(folder.FullName);

            var error = Assert.Throws<SlipTemplateException>(() => templates.For("01"));

            Assert.Contains("No template for form 01; the loaded forms are 03.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
