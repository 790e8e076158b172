namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// The caller broke a rule: the command does not apply to this instance in its current state (unknown or
/// completed task, no matching subscription, instance already ended…). Nothing changed; the host maps
/// <see cref="Reason"/> to a problem response (404 / 409 / 422).
/// </summary>
public sealed class EngineCommandException : Exception
{
    /// <summary>Creates an exception with no details (for serializers); prefer the other constructors.</summary>
    public EngineCommandException()
        : this(CommandRejection.Invalid, "The command was rejected.")
    {
    }

    /// <summary>Creates an exception with a message, as an invalid command.</summary>
    public EngineCommandException(string message)
        : this(CommandRejection.Invalid, message)
    {
    }

    /// <summary>Creates an exception wrapping another, as an invalid command.</summary>
    public EngineCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = CommandRejection.Invalid;
    }

    /// <summary>Creates an exception with a reason and a message.</summary>
    public EngineCommandException(CommandRejection reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the command was rejected.</summary>
    public CommandRejection Reason { get; }
}

/// <summary>Why a command was rejected.</summary>
public enum CommandRejection
{
    /// <summary>The task, timer, job, subscription or incident does not exist (any more) — typically 404.</summary>
    NotFound,

    /// <summary>The instance's state does not allow it (ended, suspended, already started) — typically 409.</summary>
    Conflict,

    /// <summary>The command itself is wrong (an outcome the task does not offer, a missing field) — typically 422.</summary>
    Invalid,
}
