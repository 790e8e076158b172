using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace PublicServicesBpm.Engine.Tests.Feel.Differential;

/// <summary>
/// Runs evaluate.mjs under node: one process for the whole batch. The clock is frozen at
/// <see cref="Now"/> and the zone set to Asia/Ho_Chi_Minh, matching the C# side's fake clock and default zone.
/// </summary>
internal static class FeelinProcess
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 1, 2, 3, TimeSpan.Zero);

    public static IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<DifferentialCase> cases)
    {
        var input = new JsonArray([.. cases.Select(c => new JsonObject
        {
            ["expression"] = c.Expression,
            ["context"] = CanonicalValue.ParseContext(c.Context),
        })]);
        var start = new ProcessStartInfo("node", "evaluate.mjs")
        {
            WorkingDirectory = Directory(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TZ"] = "Asia/Ho_Chi_Minh";
        start.Environment["FEEL_NOW"] = Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node evaluate.mjs failed: {error.Result}");
        }

        return JsonNode.Parse(output)!.AsArray().ToList();
    }

    // The script lives beside this source file; the tests run from a checkout, never from a package.
    private static string Directory([CallerFilePath] string source = "") =>
        Path.GetDirectoryName(source) ?? throw new InvalidOperationException("Source path unknown");
}
