using PublicServicesBpm.Persistence.LocalPostgres;

namespace PublicServicesBpm.IntegrationTests.Persistence.LocalPostgres;

public sealed class PostgresBinariesTests
{
    [Fact]
    public async Task LocateAsync_NothingInstalled_FailsNamingThePackageToInstall()
    {
        var empty = Directory.CreateTempSubdirectory("psb-no-postgres").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<LocalPostgresException>(() => PostgresBinaries.LocateAsync(empty, Path.Combine(empty, "none"), CancellationToken.None));

            Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings:Default", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task LocateAsync_DebianLayoutOnly_FindsTheServerProgramsAndTheirVersion()
    {
        var binaries = await PostgresBinaries.LocateAsync(searchPath: string.Empty, "/usr/lib/postgresql", CancellationToken.None);

        Assert.True(File.Exists(binaries.PgCtl));
        Assert.True(binaries.MajorVersion >= 15);
        Assert.StartsWith("/usr/lib/postgresql/", binaries.Directory, StringComparison.Ordinal);
    }
}
