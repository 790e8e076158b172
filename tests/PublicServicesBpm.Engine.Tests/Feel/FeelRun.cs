using System.Text.Json;
using PublicServicesBpm.Engine.Feel;
using PublicServicesBpm.Engine.Feel.Builtins;

namespace PublicServicesBpm.Engine.Tests.Feel;

/// <summary>Evaluates expressions for the tests, with JSON variables, and renders results as string() does (nested strings quoted).</summary>
internal static class FeelRun
{
    public static FeelValue Value(string expression, string? variablesJson = null, TimeProvider? clock = null, FeelLimits? limits = null)
    {
        var context = variablesJson is null
            ? new FeelContext(timeProvider: clock, limits: limits)
            : FeelContext.FromJson(JsonDocument.Parse(variablesJson).RootElement, clock, limits: limits);
        var parsed = limits is null ? FeelExpression.Parse(expression) : FeelExpression.ParseUncached(expression, limits);
        return parsed.Evaluate(context);
    }

    public static string Text(string expression, string? variablesJson = null) =>
        FeelText.Render(Value(expression, variablesJson), quoteStrings: true);
}
