using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel;

public sealed class FeelRobustnessTests
{
    private static readonly string[] Vocabulary =
    [
        "1", "0", "-", "2.5", "\"a\"", "x", "list", "item", "null", "true", "+", "*", "/", "**", "=", "<", ">=", "!=", "(", ")", "[", "]",
        "{", "}", ",", ".", "..", ":", "and", "or", "not", "in", "between", "if", "then", "else", "for", "return", "some", "every",
        "satisfies", "function", "date", "(\"2024-01-01\")", "duration", "(\"P1D\")", "count", "sum", "@", "instance", "of", "number",
        "string length", "substring", "partial", "?", "`a b`",
    ];

    [Fact]
    public void ParseAndEvaluate_RandomTokenSequences_OnlyEverFailWithFeelException()
    {
        var random = new Random(7);
        var context = FeelContext.FromJson(System.Text.Json.JsonDocument.Parse("""{"x": 3, "list": [1, 2, 3]}""").RootElement);
        var unexpected = new List<string>();
        for (var n = 0; n < 3000; n++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            try
            {
                FeelExpression.ParseUncached(text, FeelLimits.Default).Evaluate(context);
            }
            catch (FeelException)
            {
                // A clear rejection is the expected failure.
            }
            catch (Exception e)
            {
                unexpected.Add($"{text}: {e.GetType().Name} {e.Message}");
            }
        }

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(20)));
    }
}
