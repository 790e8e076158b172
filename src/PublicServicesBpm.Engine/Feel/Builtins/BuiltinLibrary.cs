using PublicServicesBpm.Engine.Feel.Evaluation;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

/// <summary>
/// The built-in functions, by FEEL name. Functions are looked up only here and in the
/// expression's own variables; nothing outside this table is callable.
/// </summary>
internal static partial class BuiltinLibrary
{
    private static readonly Dictionary<string, FeelFunction> Functions = Build();

    private static readonly HashSet<string> MultiWordNames = [.. Functions.Keys.Concat(FeelTypes.Names).Concat(["start included", "end included", "time offset"]).Where(n => n.Contains(' ', StringComparison.Ordinal))];

    /// <summary>The most words any multi-word built-in name has ("years and months duration").</summary>
    public static int MaxNameWords { get; } = MultiWordNames.Max(n => n.Split(' ').Length);

    public static FeelFunction? Find(string name) => Functions.GetValueOrDefault(name);

    public static bool IsMultiWordName(string name) => MultiWordNames.Contains(name);

    private static Dictionary<string, FeelFunction> Build()
    {
        var functions = new Dictionary<string, FeelFunction>(StringComparer.Ordinal);
        void Add(string name, string[] parameters, Func<Invocation, FeelValue> body) =>
            functions.Add(name, new FeelFunction(name, parameters, false, body));
        void AddTwoSignatures(string name, string[] parameters, string[] alternatives, Func<Invocation, FeelValue> body) =>
            functions.Add(name, new FeelFunction(name, parameters, false, body, alternatives));
        void AddVariadic(string name, string[] parameters, Func<Invocation, FeelValue> body) =>
            functions.Add(name, new FeelFunction(name, parameters, true, body));

        AddStrings(Add);
        AddLists(Add, AddVariadic);
        AddNumbers(Add);
        AddConversions(Add);
        AddTemporals(Add, AddTwoSignatures);
        AddContexts(Add, AddVariadic);
        AddRanges(Add);
        return functions;
    }

    private delegate void Define(string name, string[] parameters, Func<Invocation, FeelValue> body);

    private delegate void DefineTwoSignatures(string name, string[] parameters, string[] alternatives, Func<Invocation, FeelValue> body);

    private static FeelNumber Num(decimal value) => new FeelNumber(value);

    private static FeelString Str(string value) => new FeelString(value);

    private static FeelBoolean Bool(bool value) => FeelBoolean.Of(value);

    private static FeelValue Null => FeelValue.Null;
}
