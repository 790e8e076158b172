using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>What the interpreter needs from outside: the clock, the business calendar and its bounds.</summary>
/// <param name="TimeProvider">The clock; read once per command, so every effect of a result has the same time.</param>
/// <param name="Calendar">The business calendar for working-time durations.</param>
/// <param name="StepLimit">
/// The most flow nodes one command may execute (default <see cref="DefaultStepLimit"/>). A loop without a
/// wait state stops there with an incident instead of hanging the host.
/// </param>
public sealed record ExecutionEnvironment(TimeProvider TimeProvider, IBusinessCalendar Calendar, int StepLimit = ExecutionEnvironment.DefaultStepLimit)
{
    /// <summary>The default step limit.</summary>
    public const int DefaultStepLimit = 1000;

    /// <summary>The first delay between job retries; each further retry doubles it.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The outcome of a command: the new live state and what the host must do and record.</summary>
/// <param name="State">The new state (for an ended instance: its final state, with no tokens).</param>
/// <param name="Effects">The effects in the order they happened.</param>
public sealed record ExecutionResult(ProcessInstanceState State, IReadOnlyList<EngineEffect> Effects);
