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
    public async Task LocateAsync_OldVersionFirstOnPath_SkipsItForTheNewerDebianOne()
    {
        var old = FakeInstallation("14.10");
        try
        {
            var binaries = await PostgresBinaries.LocateAsync(old, "/usr/lib/postgresql", CancellationToken.None);

            Assert.True(binaries.MajorVersion >= PostgresBinaries.MinimumMajorVersion);
            Assert.NotEqual(old, binaries.Directory);
        }
        finally
        {
            Directory.Delete(old, recursive: true);
        }
    }

    [Fact]
    public async Task LocateAsync_OnlyAnOldVersion_FailsNamingBothVersions()
    {
        var old = FakeInstallation("14.10");
        try
        {
            var error = await Assert.ThrowsAsync<LocalPostgresException>(() => PostgresBinaries.LocateAsync(old, Path.Combine(old, "none"), CancellationToken.None));

            Assert.Contains("PostgreSQL 14 was found", error.Message, StringComparison.Ordinal);
            Assert.Contains("15 or newer", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>A folder with initdb, pg_ctl and postgres scripts that claim to be the given PostgreSQL version.</summary>
    private static string FakeInstallation(string version)
    {
        var folder = Directory.CreateTempSubdirectory("psb-old-postgres").FullName;
        foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
        {
            var path = Path.Combine(folder, program);
            File.WriteAllText(path, $"#!/bin/sh\necho \"{program} (PostgreSQL) {version}\"\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return folder;
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
