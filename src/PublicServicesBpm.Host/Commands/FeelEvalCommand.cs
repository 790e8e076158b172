using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Host.Commands;

/// <summary>
/// <c>feel eval "&lt;expression&gt;" [--context &lt;json&gt;]</c>: evaluates one FEEL expression with the engine's own
/// evaluator and prints the result as JSON, or the error (exit 1). Needs no database.
/// </summary>
internal static class FeelEvalCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TimeProvider clock)
    {
        if (arguments.Count is not (1 or 3) || (arguments.Count == 3 && arguments[1] != "--context"))
        {
            await output.WriteLineAsync("Usage: feel eval \"<expression>\" [--context <json object>]");
            return 64;
        }
        JsonObject? context = null;
        if (arguments.Count == 3)
        {
            try
            {
                context = JsonNode.Parse(arguments[2]) as JsonObject
                    ?? throw new JsonException("the context must be a JSON object, e.g. {\"age\": 20}");
            }
            catch (JsonException exception)
            {
                await output.WriteLineAsync($"error: invalid --context: {exception.Message}");
                return 1;
            }
        }
        try
        {
            var result = FeelExpression.Parse(arguments[0]).Evaluate(FeelContext.FromJson(context, clock));
            await output.WriteLineAsync(result.ToJsonNode()?.ToJsonString() ?? "null");
            return 0;
        }
        catch (FeelException exception)
        {
            await output.WriteLineAsync($"error: {exception.Message}");
            return 1;
        }
    }
}
