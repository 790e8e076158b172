using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Persistence;

public sealed class AppDbContextTests
{
    [Fact]
    public async Task SaveChanges_DataProtectionKey_IsReadBackByAnotherContext()
    {
        var postgres = await TestPostgres.InstanceAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        try
        {
            await using (var writer = MigrationTests.NewContext(connectionString))
            {
                writer.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "khóa-thử", Xml = "<key id=\"1\" />" });
                await writer.SaveChangesAsync();
            }

            await using var reader = MigrationTests.NewContext(connectionString);
            var key = await reader.DataProtectionKeys.SingleAsync();

            Assert.Equal("khóa-thử", key.FriendlyName);
            Assert.Equal("<key id=\"1\" />", key.Xml);
            Assert.True(key.Id > 0);
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
        }
    }
}
