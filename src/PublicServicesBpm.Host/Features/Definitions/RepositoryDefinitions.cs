using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Definitions;

/// <summary>
/// At start-up, deploys the procedures kept in the repository (<c>workflows/&lt;key&gt;/&lt;key&gt;.bpmn</c>, with
/// form keys from <c>forms/&lt;key&gt;/</c>). Unchanged files are no-ops; a file that does not validate is
/// reported with every problem and skipped, so one broken procedure does not stop the others.
/// </summary>
internal static class RepositoryDefinitions
{
    public const string DeployedBy = "repository";

    public static async Task DeployAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var workflows = Path.GetFullPath(configuration["Definitions:WorkflowsDirectory"] ?? "workflows");
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RepositoryDefinitions));
        if (!Directory.Exists(workflows))
        {
            logger.LogInformation("No workflows folder at {Directory}; nothing to deploy", workflows);
            return;
        }
        var files = Directory.GetDirectories(workflows)
            .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".bpmn"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();
        var context = await ContextAsync(scope.ServiceProvider, configuration, files.Select(f => Path.GetFileNameWithoutExtension(f)), cancellationToken);
        var deployment = scope.ServiceProvider.GetRequiredService<ProcessDeployment>();
        var deployedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var file in files)
        {
            var outcome = await deployment.DeployAsync(await File.ReadAllTextAsync(file, cancellationToken), DeployedBy, context, cancellationToken, deployedAt);
            if (!outcome.Succeeded)
            {
                logger.LogError("Not deployed: {File} has {Count} problem(s):{NewLine}{Problems}",
                    Path.GetRelativePath(workflows, file), outcome.Problems.Count, Environment.NewLine, string.Join(Environment.NewLine, outcome.Problems));
                continue;
            }
            foreach (var process in outcome.Processes)
            {
                logger.LogInformation("Workflow {Key} version {Version}: {Change}", process.Key, process.Version, process.IsNew ? "deployed" : "unchanged");
            }
        }
    }

    /// <summary>
    /// What a deployment may refer to: the forms in <c>forms/</c>, the registered service-task handlers, the processes
    /// already deployed and <paramref name="processesDeployedTogether"/>.
    /// </summary>
    public static async Task<RepositoryDeploymentContext> ContextAsync(
        IServiceProvider services, IConfiguration configuration, IEnumerable<string> processesDeployedTogether, CancellationToken cancellationToken)
    {
        var forms = Path.GetFullPath(configuration["Definitions:FormsDirectory"] ?? "forms");
        var db = services.GetRequiredService<AppDbContext>();
        var knownProcesses = (await db.ProcessDefinitionVersions.Select(v => v.Key).Distinct().ToListAsync(cancellationToken))
            .Concat(processesDeployedTogether)
            .ToHashSet(StringComparer.Ordinal);
        var formKeys = Directory.Exists(forms)
            ? Directory.GetDirectories(forms).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var handlers = services.GetRequiredService<ServiceTaskHandlerRegistry>().HandlerTypes;
        return new RepositoryDeploymentContext(formKeys, handlers, knownProcesses);
    }
}
