namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>
/// The local PostgreSQL cluster could not be found, created, started or reached. The message says
/// what is wrong and what to do; it never asks to delete data.
/// </summary>
public sealed class LocalPostgresException : Exception
{
    public LocalPostgresException(string message) : base(message) { }

    public LocalPostgresException(string message, Exception innerException) : base(message, innerException) { }

    public LocalPostgresException() { }
}
