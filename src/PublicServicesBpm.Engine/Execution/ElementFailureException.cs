namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// An element cannot be executed with the instance's current data (no gateway condition is true, a
/// collection is not a list…). Caught by the interpreter and turned into an incident; never leaves it.
/// </summary>
internal sealed class ElementFailureException : Exception
{
    public ElementFailureException()
    {
    }

    public ElementFailureException(string message)
        : base(message)
    {
    }

    public ElementFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
