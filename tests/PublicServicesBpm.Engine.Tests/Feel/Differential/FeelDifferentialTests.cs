using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Tests.Feel.Differential;

/// <summary>
/// Evaluates every case here and in @bpmn-io/feelin (through node) and requires the same result,
/// except for the documented departures in <see cref="KnownDifferences"/>, where this
/// implementation follows the FEEL specification and the library does not.
/// </summary>
public sealed class FeelDifferentialTests
{
    // The generator may repeat a hand-written expression; each expression is compared once.
    private static readonly DifferentialCase[] Cases = [.. HandWrittenCases.All().Concat(GeneratedCases.All()).DistinctBy(c => c.Expression)];

    [Fact]
    public void Cases_CoverAtLeastThreeHundredExpressions_True()
    {
        Assert.True(Cases.Length >= 300, $"Only {Cases.Length} differential cases");
        Assert.True(GeneratedCases.All().Count() >= 200, "The generator should contribute at least 200 cases");
    }

    [Fact]
    public void Evaluate_SameInputsAsFeelin_SameResultsExceptKnownDifferences()
    {
        var library = FeelinProcess.Evaluate(Cases);
        var clock = new FakeTimeProvider(FeelinProcess.Now);
        var failures = new List<string>();
        var seenDifferences = new HashSet<string>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var theirs = CanonicalValue.FromLibrary(library[i]);
            var ours = Ours(Cases[i], clock);
            if (KnownDifferences.All.TryGetValue(Cases[i].Expression, out var difference))
            {
                seenDifferences.Add(Cases[i].Expression);
                if (ours != difference.SpecResult)
                {
                    failures.Add($"{Cases[i].Expression}: spec result should be {difference.SpecResult}, ours is {ours}");
                }

                if (theirs != difference.LibraryResult)
                {
                    failures.Add($"{Cases[i].Expression}: feelin now gives {theirs}, not {difference.LibraryResult}; update the known differences");
                }
            }
            else if (ours != theirs)
            {
                failures.Add($"{Cases[i].Expression}: ours {ours}, feelin {theirs}");
            }
        }

        failures.AddRange(KnownDifferences.All.Keys.Except(seenDifferences).Select(e => $"{e}: known difference without a case"));
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases.Length} cases differ:\n" + string.Join("\n", failures));
    }

    private static string Ours(DifferentialCase @case, TimeProvider clock)
    {
        try
        {
            var expression = FeelExpression.Parse(@case.Expression);
            return CanonicalValue.Of(expression.Evaluate(CanonicalValue.Context(@case.Context, clock)));
        }
        catch (FeelException)
        {
            return CanonicalValue.Error;
        }
    }
}
