using System.Collections.Concurrent;

namespace PublicServicesBpm.Engine.Feel;

/// <summary>
/// Parsed expressions by text. Workflow definitions reuse a small set of expressions, so a
/// bounded map is enough; when it fills up it is emptied, which costs a re-parse, never memory.
/// Parse failures are not cached, so a fixed definition recovers immediately.
/// </summary>
internal sealed class FeelExpressionCache(int capacity, FeelLimits limits)
{
    private readonly ConcurrentDictionary<string, FeelExpression> _entries = new(StringComparer.Ordinal);

    public static FeelExpressionCache Shared { get; } = new(4096, FeelLimits.Default);

    public int Count => _entries.Count;

    public FeelExpression GetOrParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_entries.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var parsed = FeelExpression.ParseUncached(text, limits);
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(text, parsed);
    }
}
