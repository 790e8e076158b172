using System.Text.Json.Nodes;

namespace PublicServicesBpm.Forms.Tests;

/// <summary>Builds schemas and submissions from compact JSON for the tests.</summary>
internal static class FormTestSupport
{
    /// <summary>A form with the given components (JSON array text).</summary>
    public static string Form(string componentsJson) =>
        $$"""{ "type": "default", "id": "Form_1", "schemaVersion": 18, "components": {{componentsJson}} }""";

    /// <summary>Parses a form that must be valid.</summary>
    public static FormSchema ValidSchema(string componentsJson)
    {
        var result = FormSchema.Parse(Form(componentsJson));
        Assert.True(result.IsValid, string.Join("\n", result.Problems.Select(p => $"{p.Location}: {p.MessageEn}")));
        return result.Schema!;
    }

    /// <summary>The problems of a form that must be invalid.</summary>
    public static IReadOnlyList<FormProblem> Problems(string componentsJson)
    {
        var result = FormSchema.Parse(Form(componentsJson));
        Assert.Null(result.Schema);
        Assert.NotEmpty(result.Problems);
        return result.Problems;
    }

    public static JsonObject Data(string json) => JsonNode.Parse(json)!.AsObject();

    public static FormValidationResult Validate(FormSchema schema, string submissionJson, FormValidationContext? context = null) =>
        FormSubmissionValidator.Validate(schema, Data(submissionJson), context ?? new FormValidationContext());

    public static FieldError Single(FormValidationResult result, string path)
    {
        var errors = result.Errors.Where(e => e.Path == path).ToList();
        Assert.True(errors.Count == 1, $"Expected one error at {path}, got: {string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Code}"))}");
        return errors[0];
    }

    public static void AssertCodes(FormValidationResult result, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Errors.Select(e => $"{e.Path}:{e.Code}").Order(StringComparer.Ordinal));
}

/// <summary>A clock standing still, for "today".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
