using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PublicServicesBpm.Host.Features.Catalogue;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.IntegrationTests.Catalogue;

/// <summary>The start-up import of <c>workflows/*/procedure.json</c>: the fixture's folder, again (no-op), and the repository's real files.</summary>
public sealed class RepositoryProceduresTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    [Fact]
    public async Task Startup_FixtureFolder_PublishedEveryProcedureOnce()
    {
        var versions = await fixture.QueryAsync(db => db.ProcedureVersions.AsNoTracking().Where(v => v.CreatedBy == RepositoryProcedures.ImportedBy).ToListAsync());

        Assert.Equal(ProcedureFixtures.Folder.Select(d => d["key"]!.GetValue<string>()).Order(), versions.Select(v => v.ProcedureKey).Order());
        Assert.All(versions, v => Assert.Equal((ProcedureStatuses.Published, 1), (v.Status, v.Version)));
    }

    [Fact]
    public async Task Import_UnchangedFilesAgain_StoresNothingNew()
    {
        var outcomes = await RepositoryProcedures.ImportAsync(fixture.Host.Services, fixture.Host.Services.GetRequiredService<IConfiguration>(), NullLogger.Instance, CancellationToken.None);

        Assert.Equal(ProcedureFixtures.Folder.Count, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal((false, 1, 0), (o.IsNew, o.Version, o.Problems.Count)));
    }

    [Fact]
    public void RepositoryFiles_EveryProcedureJson_ReadsWithoutProblems()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "workflows"), RepositoryProcedures.FileName, SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var (document, problems) = ProcedureFileReader.Read(File.ReadAllText(file));
            Assert.True(problems.Count == 0, file + ": " + string.Join("; ", problems));
            Assert.Equal(Path.GetFileName(Path.GetDirectoryName(file)), document!.Key);
        });
    }

    [Fact]
    public async Task RepositoryFiles_ImportedAgainstTheSeededCatalogues_AreAllPublished()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Definitions:WorkflowsDirectory"] = Path.Combine(RepositoryRoot(), "workflows") })
            .Build();

        var outcomes = await RepositoryProcedures.ImportAsync(fixture.Host.Services, configuration, NullLogger.Instance, CancellationToken.None);

        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.True(o.Problems.Count == 0, o.Folder + ": " + string.Join("; ", o.Problems)));
        var khaiSinh = await fixture.QueryAsync(db => db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureKey == "dang-ky-khai-sinh" && v.Status == ProcedureStatuses.Published).OrderByDescending(v => v.Version).FirstAsync());
        Assert.Equal("Đăng ký khai sinh", khaiSinh.Name);
    }

    /// <summary>The repository this test was compiled from (the binary may live in any artifacts folder).</summary>
    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PublicServicesBpm.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("No PublicServicesBpm.sln above " + source);
    }
}
