using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Commands;

/// <summary><c>migrate</c>: applies pending database migrations and exits (the host also does it at start-up).</summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var applied = await ApplyAsync(services, cancellationToken);
        Console.WriteLine(applied.Count == 0 ? "Database schema is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return 0;
    }

    /// <summary>Applies pending migrations; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<AppDbContext>>();
        return await DatabaseMigrator.MigrateAsync(db, logger, cancellationToken);
    }
}
