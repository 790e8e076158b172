namespace PublicServicesBpm.Engine.Feel;

/// <summary>
/// Raised when a FEEL expression cannot be parsed or exceeds an evaluation bound
/// (<see cref="FeelLimits"/>). Ordinary evaluation problems such as a type mismatch or
/// division by zero are not exceptions: FEEL defines their result as <c>null</c>.
/// </summary>
public sealed class FeelException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    public FeelException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public FeelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping another.</summary>
    public FeelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception that points at a character in the expression text.</summary>
    /// <param name="message">What is wrong, without the position.</param>
    /// <param name="position">Zero-based character offset in the expression text.</param>
    public FeelException(string message, int position)
        : base($"{message} (at position {position + 1})")
    {
        Position = position;
    }

    /// <summary>Zero-based character offset of the problem in the expression text, if known.</summary>
    public int? Position { get; }
}
