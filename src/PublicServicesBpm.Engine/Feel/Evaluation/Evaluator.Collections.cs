using PublicServicesBpm.Engine.Feel.Syntax;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

internal sealed partial class Evaluator
{
    private FeelList EvaluateList(ListNode node, Scope scope)
    {
        Run.CheckSize(node.Items.Count);
        var items = new FeelValue[node.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Evaluate(node.Items[i], scope);
        }

        return new FeelList(items);
    }

    // Later entries see earlier ones, and functions defined in an entry see the whole context,
    // which is what lets a context define a recursive function.
    private FeelContextValue EvaluateContext(ContextNode node, Scope scope)
    {
        Run.CheckSize(node.Entries.Count);
        var entries = new OrderedDictionary<string, FeelValue>(node.Entries.Count);
        var inner = scope.With(entries);
        foreach (var entry in node.Entries)
        {
            entries[entry.Key] = Evaluate(entry.Value, inner);
        }

        return new FeelContextValue(entries);
    }

    private FeelRange EvaluateRange(RangeNode node, Scope scope) =>
        new(Evaluate(node.Start, scope), node.StartIncluded, Evaluate(node.End, scope), node.EndIncluded);

    private FeelValue EvaluateFilter(FilterNode node, Scope scope)
    {
        var target = Evaluate(node.Target, scope);
        if (target.IsNull)
        {
            return FeelValue.Null;
        }

        // FEEL treats a single value as a list of one, so "x[item > 1]" works on scalars too.
        var items = target is FeelList list ? list.Items : [target];
        if (items.Count == 0)
        {
            // Nothing to filter, but an index into an empty list is out of range: null, not [].
            return Evaluate(node.Filter, ItemScope(scope, FeelValue.Null)) is FeelNumber ? FeelValue.Null : FeelList.Empty;
        }

        var selected = new List<FeelValue>();
        for (var i = 0; i < items.Count; i++)
        {
            var result = Evaluate(node.Filter, ItemScope(scope, items[i]));
            if (i == 0 && result is FeelNumber index)
            {
                return Select(items, index.Value);
            }

            if (result.IsTrue)
            {
                selected.Add(items[i]);
            }
        }

        return new FeelList(selected);
    }

    private static FeelValue Select(IReadOnlyList<FeelValue> items, decimal index)
    {
        if (index != decimal.Truncate(index) || index == 0 || Math.Abs(index) > items.Count)
        {
            return FeelValue.Null;
        }

        return index > 0 ? items[(int)index - 1] : items[items.Count + (int)index];
    }

    private static Scope ItemScope(Scope scope, FeelValue item)
    {
        var names = item is FeelContextValue context
            ? new Dictionary<string, FeelValue>(context.Entries)
            : [];
        names["item"] = item;
        return scope.With(names);
    }

    private FeelValue EvaluateIn(InNode node, Scope scope)
    {
        var value = Evaluate(node.Value, scope);
        var unknown = false;
        foreach (var test in node.Tests)
        {
            var operand = Evaluate(test.Operand, scope);
            var result = test.Comparison is { } op ? Test(op, value, operand) : Membership.Matches(value, operand);
            if (result == true)
            {
                return FeelBoolean.True;
            }

            unknown |= result is null;
        }

        return unknown ? FeelValue.Null : FeelBoolean.False;
    }

    private FeelValue EvaluateFor(ForNode node, Scope scope)
    {
        var results = new List<FeelValue>();
        var partial = new Dictionary<string, FeelValue> { ["partial"] = FeelList.Empty };
        var flow = Iterate(node.Iterations, 0, scope.With(partial), inner =>
        {
            results.Add(Evaluate(node.Result, inner));
            Run.CheckSize(results.Count);
            partial["partial"] = new FeelList([.. results]);
            return true;
        });
        return flow == Flow.Invalid ? FeelValue.Null : new FeelList(results);
    }

    private FeelValue EvaluateQuantified(QuantifiedNode node, Scope scope)
    {
        var found = false;
        var flow = Iterate(node.Iterations, 0, scope, inner =>
        {
            var satisfied = Evaluate(node.Condition, inner).IsTrue;
            found = node.Every ? !satisfied : satisfied;
            return !found;
        });
        if (flow == Flow.Invalid)
        {
            return FeelValue.Null;
        }

        return FeelBoolean.Of(node.Every ? !found : found);
    }

    private enum Flow
    {
        Continue,
        Stop,
        Invalid,
    }

    /// <summary>Runs <paramref name="body"/> for each combination of iteration values; the body returns false to stop early.</summary>
    private Flow Iterate(IReadOnlyList<Iteration> iterations, int level, Scope scope, Func<Scope, bool> body)
    {
        if (level == iterations.Count)
        {
            return body(scope) ? Flow.Continue : Flow.Stop;
        }

        var iteration = iterations[level];
        if (Domain(iteration, scope) is not { } domain)
        {
            return Flow.Invalid;
        }

        foreach (var value in domain)
        {
            Run.Step();
            var flow = Iterate(iterations, level + 1, scope.With(iteration.Name, value), body);
            if (flow != Flow.Continue)
            {
                return flow;
            }
        }

        return Flow.Continue;
    }

    private IEnumerable<FeelValue>? Domain(Iteration iteration, Scope scope)
    {
        var start = Evaluate(iteration.Domain, scope);
        if (iteration.RangeEnd is not null)
        {
            return Membership.Enumerate(start, Evaluate(iteration.RangeEnd, scope), Run);
        }

        return start switch
        {
            FeelList list => list.Items,
            FeelRange range => Membership.Enumerate(range, Run),
            { IsNull: true } => null,
            _ => [start],
        };
    }
}
