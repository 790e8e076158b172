using System.Runtime.CompilerServices;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>
/// The state of one evaluation: its context and the budget it spends. Every visited node and
/// every iterated item costs a step; running out of steps, call depth or stack ends the evaluation
/// with a <see cref="FeelException"/> rather than letting it hang or crash the process.
/// </summary>
internal sealed class EvaluationRun(FeelContext context)
{
    private int _steps;
    private int _callDepth;

    public FeelContext Context { get; } = context;

    public FeelLimits Limits => Context.Limits;

    public void Step()
    {
        if (++_steps > Limits.MaxSteps)
        {
            throw new FeelException($"Evaluation took more than {Limits.MaxSteps} steps");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new FeelException("Evaluation is nested too deeply for the available stack");
        }
    }

    public void CheckSize(int count)
    {
        if (count > Limits.MaxCollectionSize)
        {
            throw new FeelException($"A list or context would hold {count} items; the limit is {Limits.MaxCollectionSize}");
        }

        _steps += count / 16;
    }

    public string CheckString(string value)
    {
        if (value.Length > Limits.MaxStringLength)
        {
            throw new FeelException($"A string would be {value.Length} characters long; the limit is {Limits.MaxStringLength}");
        }

        return value;
    }

    /// <summary>Charges work done inside a built-in (comparisons while removing duplicates, for example).</summary>
    public void Spend(int steps)
    {
        _steps += steps;
        if (_steps > Limits.MaxSteps)
        {
            throw new FeelException($"Evaluation took more than {Limits.MaxSteps} steps");
        }
    }

    public void EnterCall()
    {
        if (++_callDepth > Limits.MaxCallDepth)
        {
            throw new FeelException($"Function calls are nested more than {Limits.MaxCallDepth} deep");
        }
    }

    public void ExitCall() => _callDepth--;
}
