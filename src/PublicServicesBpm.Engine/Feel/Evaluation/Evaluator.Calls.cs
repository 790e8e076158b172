using PublicServicesBpm.Engine.Feel.Syntax;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

internal sealed partial class Evaluator
{
    private FeelValue EvaluateCall(CallNode node, Scope scope)
    {
        if (Evaluate(node.Callee, scope) is not FeelFunction function)
        {
            return FeelValue.Null;
        }

        var arguments = new FeelValue[node.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Evaluate(node.Arguments[i].Value, scope);
        }

        var names = node.Arguments.Count > 0 && node.Arguments[0].Name is not null
            ? node.Arguments.Select(a => a.Name!).ToArray()
            : null;
        return Invoke(Run, function, arguments, names);
    }

    /// <summary>
    /// Calls a function. Named arguments are put in parameter order; an unknown name, or more
    /// positional arguments than a fixed-arity function takes, makes the result null.
    /// </summary>
    public static FeelValue Invoke(EvaluationRun run, FeelFunction function, IReadOnlyList<FeelValue> arguments, IReadOnlyList<string>? names = null)
    {
        if (names is not null)
        {
            var ordered = new FeelValue[function.ParameterNames.Count];
            Array.Fill(ordered, FeelValue.Null);
            var last = -1;
            for (var i = 0; i < names.Count; i++)
            {
                var position = IndexOf(function.ParameterNames, names[i]) is var found and >= 0
                    ? found
                    : IndexOf(function.AlternativeNames, names[i]);
                if (position < 0)
                {
                    return FeelValue.Null;
                }

                ordered[position] = arguments[i];
                last = Math.Max(last, position);
            }

            arguments = ordered[..(last + 1)];
        }
        else if (!function.Variadic && arguments.Count > function.ParameterNames.Count)
        {
            return FeelValue.Null;
        }

        run.EnterCall();
        try
        {
            var result = function.Body(new Invocation(run, arguments));
            if (result is FeelString text)
            {
                run.CheckString(text.Value);
            }

            return result;
        }
        catch (Exception e) when (e is OverflowException or ArgumentException or FormatException or InvalidOperationException)
        {
            // A built-in that meets an input it cannot handle yields null, FEEL's error value.
            return FeelValue.Null;
        }
        finally
        {
            run.ExitCall();
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    // The function closes over the scope it was defined in, so it sees the variables around it.
    private static FeelFunction DefineFunction(FunctionDefinitionNode node, Scope scope) =>
        new("anonymous", node.Parameters, false, invocation =>
        {
            var names = new Dictionary<string, FeelValue>(node.Parameters.Count);
            for (var i = 0; i < node.Parameters.Count; i++)
            {
                names[node.Parameters[i]] = invocation[i];
            }

            return new Evaluator(invocation.Run).Evaluate(node.Body, scope.With(names));
        });
}
