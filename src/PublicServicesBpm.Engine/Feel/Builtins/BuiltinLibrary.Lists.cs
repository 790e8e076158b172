using PublicServicesBpm.Engine.Feel.Evaluation;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

internal static partial class BuiltinLibrary
{
    private static void AddLists(Define add, Define addVariadic)
    {
        add("list contains", ["list", "element"], i => i.List(0) is { } l ? Bool(l.Any(x => FeelComparer.AreEqual(x, i[1]) == true)) : Null);
        add("count", ["list"], i => i.List(0) is { } l ? Num(l.Count) : Null);
        addVariadic("min", ["list"], i => Extreme(i.Items(), -1));
        addVariadic("max", ["list"], i => Extreme(i.Items(), 1));
        addVariadic("sum", ["list"], i => Numbers(i.Items()) is { } n ? (n.Count == 0 ? Null : Num(n.Sum())) : Null);
        addVariadic("product", ["list"], i => Numbers(i.Items()) is { Count: > 0 } n ? Num(n.Aggregate(1m, (a, b) => a * b)) : Null);
        addVariadic("mean", ["list"], i => Numbers(i.Items()) is { Count: > 0 } n ? Num(n.Sum() / n.Count) : Null);
        addVariadic("median", ["list"], i => Numbers(i.Items()) is { Count: > 0 } n ? Num(Median(n)) : Null);
        addVariadic("all", ["list"], i => Logic(i.Items(), every: true));
        addVariadic("any", ["list"], i => Logic(i.Items(), every: false));
        add("sublist", ["list", "start position", "length"], Sublist);
        addVariadic("append", ["list", "item"], i => i.List(0) is { } l ? Sized(i, [.. l, .. i.Arguments.Skip(1)]) : Null);
        addVariadic("concatenate", ["list"], i => i.Arguments.All(a => a is FeelList)
            ? Sized(i, [.. i.Arguments.SelectMany(a => ((FeelList)a).Items)])
            : Null);
        addVariadic("union", ["list"], i => i.Arguments.All(a => a is FeelList)
            ? Sized(i, Distinct(i, i.Arguments.SelectMany(a => ((FeelList)a).Items)))
            : Null);
        add("insert before", ["list", "position", "newItem"], i => i.List(0) is { } l && Position(i.Integer(1), l.Count) is { } at
            ? Sized(i, [.. l.Take(at), i[2], .. l.Skip(at)])
            : Null);
        add("remove", ["list", "position"], i => i.List(0) is { } l && Position(i.Integer(1), l.Count) is { } at
            ? new FeelList([.. l.Take(at), .. l.Skip(at + 1)])
            : Null);
        add("reverse", ["list"], i => i.List(0) is { } l ? new FeelList([.. l.Reverse()]) : Null);
        add("index of", ["list", "match"], i => i.List(0) is { } l
            ? new FeelList([.. l.Select((x, n) => (x, n)).Where(p => FeelComparer.AreEqual(p.x, i[1]) == true).Select(p => Num(p.n + 1))])
            : Null);
        add("distinct values", ["list"], i => i.List(0) is { } l ? new FeelList(Distinct(i, l)) : Null);
        add("flatten", ["list"], i => i.List(0) is { } l ? Sized(i, Flatten(l, 0)) : Null);
        add("sort", ["list", "precedes"], Sort);
        addVariadic("stddev", ["list"], i => Numbers(i.Items()) is { Count: > 1 } n ? Num(StandardDeviation(n)) : Null);
        addVariadic("mode", ["list"], i => Numbers(i.Items()) is { } n ? new FeelList([.. Modes(n).Select(m => (FeelValue)Num(m))]) : Null);
        add("list replace", ["list", "position", "newItem"], ListReplace);
    }

    private static FeelList Sized(Invocation i, List<FeelValue> items)
    {
        i.Run.CheckSize(items.Count);
        return new FeelList(items);
    }

    private static List<decimal>? Numbers(IReadOnlyList<FeelValue>? items)
    {
        if (items is null)
        {
            return null;
        }

        var numbers = new List<decimal>(items.Count);
        foreach (var item in items)
        {
            if (item is not FeelNumber n)
            {
                return null;
            }

            numbers.Add(n.Value);
        }

        return numbers;
    }

    private static decimal Median(List<decimal> numbers)
    {
        numbers.Sort();
        var middle = numbers.Count / 2;
        return numbers.Count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
    }

    // Sample standard deviation (n - 1), as the specification defines it.
    private static decimal StandardDeviation(List<decimal> numbers)
    {
        var mean = numbers.Sum() / numbers.Count;
        var variance = numbers.Sum(n => (n - mean) * (n - mean)) / (numbers.Count - 1);
        return DecimalMath.Sqrt(variance);
    }

    private static IEnumerable<decimal> Modes(List<decimal> numbers)
    {
        var counts = numbers.GroupBy(n => n).Select(g => (Value: g.Key, Count: g.Count())).ToList();
        var most = counts.Count == 0 ? 0 : counts.Max(c => c.Count);
        return counts.Where(c => c.Count == most).Select(c => c.Value).Order();
    }

    private static FeelValue ListReplace(Invocation i)
    {
        if (i.List(0) is not { } list)
        {
            return Null;
        }

        if (i[1] is FeelFunction matches)
        {
            return new FeelList([.. list.Select(item => Evaluator.Invoke(i.Run, matches, [item, i[2]]).IsTrue ? i[2] : item)]);
        }

        return Position(i.Integer(1), list.Count) is { } at
            ? new FeelList([.. list.Take(at), i[2], .. list.Skip(at + 1)])
            : Null;
    }

    private static FeelValue Extreme(IReadOnlyList<FeelValue>? items, int direction)
    {
        if (items is not { Count: > 0 })
        {
            return Null;
        }

        var best = items[0];
        foreach (var item in items.Skip(1))
        {
            if (FeelComparer.Compare(item, best) is not { } order)
            {
                return Null;
            }

            best = Math.Sign(order) == direction ? item : best;
        }

        return FeelComparer.Compare(best, best) is null ? Null : best;
    }

    private static FeelValue Logic(IReadOnlyList<FeelValue>? items, bool every)
    {
        if (items is null || items.Any(x => x is not FeelBoolean && !x.IsNull))
        {
            return Null;
        }

        // all(): false wins, any(): true wins; otherwise a null leaves the answer unknown.
        if (items.Any(x => x is FeelBoolean b && b.Value != every))
        {
            return Bool(!every);
        }

        return items.Any(x => x.IsNull) ? Null : Bool(every);
    }

    private static FeelValue Sublist(Invocation i)
    {
        if (i.List(0) is not { } list || i.Integer(1) is not { } start || start == 0 || Math.Abs(start) > list.Count)
        {
            return Null;
        }

        var first = start > 0 ? start - 1 : list.Count + start;
        var length = i[2].IsNull ? list.Count - first : i.Integer(2) ?? -1;
        return length < 0 || first + length > list.Count ? Null : new FeelList([.. list.Skip(first).Take(length)]);
    }

    // 1-based position, negative from the end; the index in the underlying list or null.
    private static int? Position(int? position, int count) => position switch
    {
        null or 0 => null,
        > 0 when position <= count => position - 1,
        < 0 when -position <= count => count + position,
        _ => null,
    };

    // Quadratic, since FEEL equality is not a hash equality; the step budget bounds it.
    private static List<FeelValue> Distinct(Invocation i, IEnumerable<FeelValue> items)
    {
        var distinct = new List<FeelValue>();
        foreach (var item in items)
        {
            i.Run.Spend(distinct.Count + 1);
            if (!distinct.Exists(x => FeelComparer.AreEqual(x, item) == true))
            {
                distinct.Add(item);
            }
        }

        return distinct;
    }

    private static List<FeelValue> Flatten(IEnumerable<FeelValue> items, int depth)
    {
        if (depth > 64)
        {
            throw new FeelException("Lists are nested too deeply to flatten");
        }

        return [.. items.SelectMany(x => x is FeelList inner ? Flatten(inner.Items, depth + 1) : [x])];
    }

    private static FeelValue Sort(Invocation i)
    {
        if (i.List(0) is not { } list)
        {
            return Null;
        }

        var sorted = list.ToList();
        if (i[1] is FeelFunction precedes)
        {
            // Insertion sort keeps the number of calls to the author's function bounded by the step budget.
            for (var n = 1; n < sorted.Count; n++)
            {
                var item = sorted[n];
                var at = n;
                while (at > 0 && Evaluator.Invoke(i.Run, precedes, [item, sorted[at - 1]]).IsTrue)
                {
                    i.Run.Step();
                    sorted[at] = sorted[at - 1];
                    at--;
                }

                sorted[at] = item;
            }

            return new FeelList(sorted);
        }

        // The specification makes the ordering function mandatory.
        return Null;
    }
}
