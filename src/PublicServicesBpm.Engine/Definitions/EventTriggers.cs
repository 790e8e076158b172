namespace PublicServicesBpm.Engine.Definitions;

/// <summary>What a catching event waits for (its event definition).</summary>
public abstract record EventTrigger;

/// <summary>A timer (<c>timerEventDefinition</c>).</summary>
/// <param name="Kind">Which timer element was used.</param>
/// <param name="Expression">
/// The raw text: an ISO-8601 duration, date-time or repeating interval, or a FEEL expression
/// starting with '='.
/// </param>
/// <param name="Calendar">Whether durations count working time (the default) or calendar time.</param>
public sealed record TimerTrigger(TimerKind Kind, string Expression, TimeBasis Calendar) : EventTrigger
{
    /// <summary>True when <see cref="Expression"/> is FEEL (starts with '=') and evaluated at runtime.</summary>
    public bool IsFeel => Expression.TrimStart().StartsWith('=');
}

/// <summary>The three BPMN timer forms.</summary>
public enum TimerKind
{
    /// <summary><c>timeDuration</c>: fires once after a duration.</summary>
    Duration,

    /// <summary><c>timeDate</c>: fires once at a date-time.</summary>
    Date,

    /// <summary><c>timeCycle</c>: fires repeatedly (ISO-8601 repeating interval).</summary>
    Cycle,
}

/// <summary>A message (<c>messageEventDefinition</c>), correlated by name and key.</summary>
/// <param name="Message">The declared message.</param>
/// <param name="CorrelationKey">FEEL expression evaluated when the subscription opens, if any.</param>
public sealed record MessageTrigger(MessageDeclaration Message, ExpressionText? CorrelationKey) : EventTrigger;

/// <summary>A BPMN error (<c>errorEventDefinition</c>) on a boundary event.</summary>
/// <param name="Error">The caught error; <see langword="null"/> catches every error.</param>
public sealed record ErrorTrigger(ErrorDeclaration? Error) : EventTrigger;
