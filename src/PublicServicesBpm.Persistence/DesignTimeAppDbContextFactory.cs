using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace PublicServicesBpm.Persistence;

/// <summary>Lets 'dotnet ef migrations add' build the model without a running host or database.</summary>
internal sealed class DesignTimeAppDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        // Never opened: design-time tools only read the model.
        var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Database=design_time");
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options, dataSource);
        return new AppDbContext(options.Options);
    }
}
