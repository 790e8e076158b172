namespace PublicServicesBpm.Host.Commands;

/// <summary><c>audit verify</c>: walks the hash chain of the audit log and reports any altered or deleted entry.</summary>
internal static class AuditCommand
{
    public const string Name = "audit";

    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        _ = services;
        _ = arguments;
        output.WriteLine("audit: not implemented yet");
        return Task.FromResult(64);
    }
}
