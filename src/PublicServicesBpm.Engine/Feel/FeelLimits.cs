namespace PublicServicesBpm.Engine.Feel;

/// <summary>
/// Bounds that keep FEEL evaluation sandboxed: an expression written by a form or workflow author
/// can never hang the engine, exhaust the stack or allocate without limit. Exceeding any bound
/// raises <see cref="FeelException"/>; it is never silently turned into <c>null</c>.
/// </summary>
public sealed record FeelLimits
{
    /// <summary>The defaults: generous for real conditions and assignments, small enough to stop abuse.</summary>
    public static FeelLimits Default { get; } = new();

    /// <summary>Longest expression text accepted by the parser. Default 10 000 characters.</summary>
    public int MaxExpressionLength { get; init; } = 10_000;

    /// <summary>Deepest nesting of the syntax tree. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Largest list or context an evaluation may build. Default 10 000 items.</summary>
    public int MaxCollectionSize { get; init; } = 10_000;

    /// <summary>Longest string an evaluation may build. Default 100 000 characters.</summary>
    public int MaxStringLength { get; init; } = 100_000;

    /// <summary>Evaluation steps (nodes visited, items iterated) per evaluation. Default 1 000 000.</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>Deepest chain of user-defined function calls. Default 32.</summary>
    public int MaxCallDepth { get; init; } = 32;

    /// <summary>
    /// Time a single regular expression operation may take. Default 1 s: patterns run on the
    /// linear-time engine where possible, so this mostly guards the backtracking fallback, and it
    /// leaves room for the first, cold match on a busy machine.
    /// </summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
