using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// At start-up, stores every <c>workflows/&lt;key&gt;/procedure.json</c> as a published version of its procedure (the
/// folder the host deploys workflows from: <c>Definitions:WorkflowsDirectory</c>, default <c>workflows</c>). An
/// unchanged file is a no-op (content hash); a file with problems is logged with each of them and skipped, so one
/// broken procedure does not keep the others out.
/// </summary>
internal static class RepositoryProcedures
{
    public const string ImportedBy = "repository";
    public const string FileName = "procedure.json";

    public sealed record FileOutcome(string Folder, string? Key, int? Version, bool IsNew, IReadOnlyList<ProcedureProblem> Problems);

    public static async Task<IReadOnlyList<FileOutcome>> ImportAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var workflows = Path.GetFullPath(configuration["Definitions:WorkflowsDirectory"] ?? "workflows");
        if (!Directory.Exists(workflows))
        {
            logger.LogInformation("No workflows folder at {Directory}; no procedures to import", workflows);
            return [];
        }
        var outcomes = new List<FileOutcome>();
        foreach (var file in Directory.GetDirectories(workflows).Select(f => Path.Combine(f, FileName)).Where(File.Exists).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var outcome = await scope.ServiceProvider.GetRequiredService<ProcedureCatalogue>()
                .StoreAsync(await File.ReadAllTextAsync(file, cancellationToken), ImportedBy, publish: true, cancellationToken);
            var problems = outcome.Problems.ToList();
            if (outcome.Version is { } version && version.ProcedureKey != folder)
            {
                problems.Add(new("$.key", $"The key '{version.ProcedureKey}' differs from its folder '{folder}'."));
            }
            if (problems.Count > 0)
            {
                logger.LogError("Procedure not imported: {File} has {Count} problem(s):{NewLine}{Problems}",
                    Path.GetRelativePath(workflows, file), problems.Count, Environment.NewLine, string.Join(Environment.NewLine, problems));
                outcomes.Add(new(folder, null, null, false, problems));
                continue;
            }
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Procedure {Key} version {Version}: {Change}", outcome.Version!.ProcedureKey, outcome.Version.Version, outcome.IsNew ? "imported" : "unchanged");
            outcomes.Add(new(folder, outcome.Version.ProcedureKey, outcome.Version.Version, outcome.IsNew, []));
        }
        return outcomes;
    }
}
