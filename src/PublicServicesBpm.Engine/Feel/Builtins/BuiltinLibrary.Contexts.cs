using System.Globalization;
using PublicServicesBpm.Engine.Feel.Evaluation;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

internal static partial class BuiltinLibrary
{
    private static void AddConversions(Define add)
    {
        add("string", ["from"], i => i[0].IsNull ? Null : Str(i.Run.CheckString(FeelText.Render(i[0], quoteStrings: false))));
        add("number", ["from", "grouping separator", "decimal separator"], Number);
        add("not", ["negand"], i => i[0] is FeelBoolean b ? Bool(!b.Value) : Null);
        add("is", ["value1", "value2"], i => Bool(i[0].Kind == i[1].Kind && FeelComparer.AreEqual(i[0], i[1]) == true));
    }

    private static void AddContexts(Define add, Define addVariadic)
    {
        add("get value", ["m", "key"], i => i[0] is FeelContextValue c && i.Text(1) is { } key ? c.Get(key) : Null);
        add("get entries", ["m"], i => i[0] is FeelContextValue c
            ? new FeelList([.. c.Entries.Select(e => (FeelValue)Entry(e.Key, e.Value))])
            : Null);
        add("context put", ["context", "key", "value"], i => i[0] is FeelContextValue c && i.Text(1) is { } key
            ? new FeelContextValue(new OrderedDictionary<string, FeelValue>(c.Entries) { [key] = i[2] })
            : Null);
        add("context", ["entries"], i => i.List(0) is { } entries ? ContextOf(entries) : Null);
        addVariadic("context merge", ["contexts"], i => i.Items() is { } all && all.All(c => c is FeelContextValue)
            ? new FeelContextValue(Merge(all.Cast<FeelContextValue>()))
            : Null);
    }

    private static FeelContextValue Entry(string key, FeelValue value) =>
        new(new OrderedDictionary<string, FeelValue> { ["key"] = Str(key), ["value"] = value });

    private static FeelValue ContextOf(IReadOnlyList<FeelValue> entries)
    {
        var map = new OrderedDictionary<string, FeelValue>();
        foreach (var entry in entries)
        {
            if (entry is not FeelContextValue pair || pair.Get("key") is not FeelString key || !map.TryAdd(key.Value, pair.Get("value")))
            {
                return Null;
            }
        }

        return new FeelContextValue(map);
    }

    private static OrderedDictionary<string, FeelValue> Merge(IEnumerable<FeelContextValue> contexts)
    {
        var merged = new OrderedDictionary<string, FeelValue>();
        foreach (var context in contexts)
        {
            foreach (var (key, value) in context.Entries)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private static FeelValue Number(Invocation i)
    {
        if (i.Text(0) is not { } text)
        {
            return Null;
        }

        var grouping = i.Text(1);
        var separator = i.Text(2);
        if (grouping is not null)
        {
            text = text.Replace(grouping, "", StringComparison.Ordinal);
        }

        if (separator is not null and not ".")
        {
            if (text.Contains('.', StringComparison.Ordinal))
            {
                return Null;
            }

            text = text.Replace(separator, ".", StringComparison.Ordinal);
        }

        const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var value) ? Num(value) : Null;
    }
}
