using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Definitions;

/// <summary>
/// At start-up, deploys the forms and procedures kept in the repository (<c>forms/&lt;key&gt;/&lt;key&gt;.form.json</c>
/// first, then <c>workflows/&lt;key&gt;/&lt;key&gt;.bpmn</c>). Unchanged files are no-ops, and so are files whose content
/// an earlier version had (a designer's newer version from the studio stays the latest); a file that does not validate is
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
        await DeployFormsAsync(scope.ServiceProvider, configuration, logger, cancellationToken);
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
            var outcome = await deployment.DeployAsync(
                await File.ReadAllTextAsync(file, cancellationToken), DeployedBy, context, cancellationToken, deployedAt, onlyUnseenContent: true);
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
    /// Deploys every <c>forms/&lt;key&gt;/&lt;key&gt;.form.json</c> as a new form version when its content changed; a schema
    /// with problems is reported and skipped (workflows naming it are then refused too).
    /// </summary>
    private static async Task DeployFormsAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var forms = Path.GetFullPath(configuration["Definitions:FormsDirectory"] ?? "forms");
        if (!Directory.Exists(forms))
        {
            return;
        }
        var deployment = services.GetRequiredService<Forms.FormDeployment>();
        foreach (var folder in Directory.GetDirectories(forms).Order(StringComparer.Ordinal))
        {
            var key = Path.GetFileName(folder);
            var file = Path.Combine(folder, key + ".form.json");
            if (!File.Exists(file) || !Forms.FormDeployment.IsValidKey(key))
            {
                continue;
            }
            var outcome = await deployment.DeployAsync(key, await File.ReadAllTextAsync(file, cancellationToken), DeployedBy, cancellationToken);
            if (outcome.Succeeded)
            {
                logger.LogInformation("Form {Key} version {Version}: {Change}", key, outcome.Version, outcome.IsNew ? "deployed" : "unchanged");
            }
            else
            {
                logger.LogError("Form not deployed: {File} has {Count} problem(s):{NewLine}{Problems}", Path.GetRelativePath(forms, file), outcome.Problems.Count,
                    Environment.NewLine, string.Join(Environment.NewLine, outcome.Problems.Select(p => $"{p.Location}: {p.MessageEn}")));
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
        // Stored forms, plus the repository's folders (a test or tool may check a workflow before its forms are deployed).
        var formKeys = (await db.FormVersions.Select(f => f.FormKey).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(forms))
        {
            formKeys.UnionWith(Directory.GetDirectories(forms).Select(Path.GetFileName).OfType<string>());
        }
        var handlers = services.GetRequiredService<ServiceTaskHandlerRegistry>().HandlerTypes;
        return new RepositoryDeploymentContext(formKeys, handlers, knownProcesses);
    }
}
