using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using static PublicServicesBpm.Forms.Tests.FormTestSupport;

namespace PublicServicesBpm.Forms.Tests;

/// <summary>The example in docs/forms-authoring.md is a valid form and behaves as the page says.</summary>
public sealed class DocumentedExampleTests
{
    [Fact]
    public void Example_ParsesAndValidatesAsDocumented()
    {
        var result = FormSchema.Parse(ExampleJson());
        Assert.True(result.IsValid, string.Join("\n", result.Problems.Select(p => $"{p.Location}: {p.MessageEn}")));

        var validation = FormSubmissionValidator.Validate(
            result.Schema!,
            Data("""{"nguoiYeuCau": {"hoTen": "Nguyễn Văn An", "soDinhDanh": "0102"}, "nhanKetQua": "truc-tiep", "diaChiNhan": "x"}"""),
            new FormValidationContext());

        var error = Single(validation, "nguoiYeuCau.soDinhDanh");
        Assert.Equal(FieldErrorCodes.Pattern, error.Code);
        Assert.Equal("Số định danh cá nhân gồm 12 chữ số.", error.MessageVi);
        Assert.False(validation.CleanedData.ContainsKey("diaChiNhan"));
        Assert.True(JsonNode.DeepEquals(Data("""{ "hoTen": "Nguyễn Văn An", "soDinhDanh": "0102" }"""), validation.CleanedData["nguoiYeuCau"]));
    }

    // Found from this source file, because the build output may live outside the repository (--artifacts-path).
    private static string ExampleJson([CallerFilePath] string source = "")
    {
        var text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "docs", "forms-authoring.md"));
        var example = text[text.IndexOf("## Example", StringComparison.Ordinal)..];
        var start = example.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        return example[start..example.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
