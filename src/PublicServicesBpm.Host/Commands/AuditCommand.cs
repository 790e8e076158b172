using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using PublicServicesBpm.Persistence.Audit;

namespace PublicServicesBpm.Host.Commands;

/// <summary>
/// <c>audit verify [sequence:hash]...</c>: walks the hash chain of the audit log and reports any altered or deleted
/// entry. Exit 0 when intact, 1 when tampered, 2 when the database cannot be read, 64 on a usage error. It only
/// reads (it can run against a replica); anchors are head hashes printed by an earlier run and kept elsewhere.
/// </summary>
internal static class AuditCommand
{
    public const string Name = "audit";

    public const int Intact = 0;
    public const int Tampered = 1;
    public const int Unavailable = 2;
    public const int UsageError = 64;

    private const string Usage = """
        Usage: audit verify [<sequence>:<hash>]...
          Recomputes the hash chain of the audit log. Prints "Audit log intact: N entries, head <sequence> <hash>" and exits 0,
          or one line per problem ("sequence N: reason") and exits 1. Keep the printed head outside the database (e.g. in the
          operator's log) and pass it back later as <sequence>:<hash>: a chain rewritten up to the head is then detected too.
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments is not ["verify", ..])
        {
            output.WriteLine(arguments.Count == 0 ? "audit: missing sub-command." : $"audit: unknown sub-command '{string.Join(' ', arguments)}'.");
            output.WriteLine(Usage);
            return UsageError;
        }
        var anchors = new List<AuditChainAnchor>();
        foreach (var word in arguments.Skip(1))
        {
            if (!AuditChainAnchor.TryParse(word, out var anchor))
            {
                output.WriteLine($"audit verify: '{word}' is not an anchor; expected <sequence>:<64 hex digits>, as printed by an earlier run.");
                output.WriteLine(Usage);
                return UsageError;
            }
            anchors.Add(anchor);
        }
        AuditChainReport report;
        try
        {
            report = await AuditChainVerifier.VerifyAsync(services.GetRequiredService<NpgsqlDataSource>(), anchors, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or SocketException or TimeoutException or InvalidOperationException)
        {
            output.WriteLine($"Cannot read the audit log: {exception.Message}");
            return Unavailable;
        }
        if (report.IsIntact)
        {
            output.WriteLine($"Audit log intact: {report.EntriesChecked} entries, head {report.HeadSequence} {report.HeadHash}");
            return Intact;
        }
        output.WriteLine($"Audit log TAMPERED: {report.Problems.Count} problem(s) found in {report.EntriesChecked} entries (head {report.HeadSequence} {report.HeadHash})");
        foreach (var problem in report.Problems)
        {
            output.WriteLine($"sequence {problem.Sequence}: {problem.Reason}");
        }
        return Tampered;
    }
}
