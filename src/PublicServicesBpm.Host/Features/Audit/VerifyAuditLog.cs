using Npgsql;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;

namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>
/// <c>POST /api/v1/audit/verify</c>: walks the hash chain, records <c>audit.verified</c> with the verdict, and
/// returns it. Keep <see cref="Response.HeadHash"/> outside the database: it is what a later check compares against.
/// </summary>
internal static class VerifyAuditLog
{
    public sealed record Response(bool Intact, long EntriesChecked, long HeadSequence, string HeadHash, IReadOnlyList<AuditChainProblem> Problems)
    {
        public static Response From(AuditChainReport report) =>
            new(report.IsIntact, report.EntriesChecked, report.HeadSequence, report.HeadHash, report.Problems);
    }

    public static RouteGroupBuilder MapVerifyAuditLog(this RouteGroupBuilder group)
    {
        group.MapPost("/verify", Handle)
            .WithName("VerifyAuditLog")
            .WithSummary("Verify the audit log's hash chain")
            .WithDescription("Recomputes every entry's hash; reports altered, deleted or re-linked entries by sequence. 200 either way: see 'intact'.")
            .Produces<Response>();
        return group;
    }

    private static async Task<Response> Handle(NpgsqlDataSource dataSource, AppDbContext db, AuditTrail trail, CancellationToken cancellationToken) =>
        Response.From(await new AuditLogReader(dataSource, db, trail).VerifyAsync(cancellationToken));
}
