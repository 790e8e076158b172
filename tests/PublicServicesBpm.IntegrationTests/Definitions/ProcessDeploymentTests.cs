using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.IntegrationTests.Persistence;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Definitions;

public sealed class ProcessDeploymentTests : IAsyncLifetime
{
    private static readonly RepositoryDeploymentContext s_context = new(new HashSet<string> { "to-khai" }, new HashSet<string>(), new HashSet<string>());
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7)));
    private TestPostgres _postgres = null!;
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => _postgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task DeployAsync_NewProcess_StoresVersionOneWithTheXml()
    {
        var outcome = await DeployAsync(Bpmn("Tiếp nhận hồ sơ"));

        Assert.True(outcome.Succeeded);
        Assert.Equal([new ProcessDeployment.DeployedProcess("thu-tuc-mau", 1, IsNew: true)], outcome.Processes);
        await using var db = MigrationTests.NewContext(_connectionString);
        var stored = await db.ProcessDefinitionVersions.SingleAsync();
        Assert.Equal(Bpmn("Tiếp nhận hồ sơ"), stored.BpmnXml);
        Assert.Equal("Thủ tục mẫu", stored.Name);
        Assert.Equal(_clock.GetUtcNow(), stored.DeployedAt);
        Assert.Equal("tester", stored.DeployedBy);
    }

    [Fact]
    public async Task DeployAsync_IdenticalContentAgain_IsANoOp()
    {
        await DeployAsync(Bpmn("Tiếp nhận hồ sơ"));
        // Same content, different formatting: still identical.
        var outcome = await DeployAsync(Bpmn("Tiếp nhận hồ sơ").Replace("\n", "\r\n  ", StringComparison.Ordinal));

        Assert.Equal([new ProcessDeployment.DeployedProcess("thu-tuc-mau", 1, IsNew: false)], outcome.Processes);
        await using var db = MigrationTests.NewContext(_connectionString);
        Assert.Equal(1, await db.ProcessDefinitionVersions.CountAsync());
    }

    [Fact]
    public async Task DeployAsync_ChangedContent_CreatesTheNextVersionAndKeepsTheOld()
    {
        await DeployAsync(Bpmn("Tiếp nhận hồ sơ"));

        var outcome = await DeployAsync(Bpmn("Tiếp nhận và kiểm tra hồ sơ"));

        Assert.Equal([new ProcessDeployment.DeployedProcess("thu-tuc-mau", 2, IsNew: true)], outcome.Processes);
        await using var db = MigrationTests.NewContext(_connectionString);
        Assert.Equal([1, 2], await db.ProcessDefinitionVersions.OrderBy(v => v.Version).Select(v => v.Version).ToListAsync());
    }

    [Fact]
    public async Task DeployAsync_InvalidBpmn_ReportsProblemsAndStoresNothing()
    {
        var broken = Bpmn("Tiếp nhận hồ sơ").Replace("<bpmn:endEvent id=\"end\" />", "<bpmn:endEvent id=\"end\" /><bpmn:inclusiveGateway id=\"ig\" />", StringComparison.Ordinal);

        var outcome = await DeployAsync(broken);

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Problems, p => p.ElementId == "ig" && p.Severity == BpmnProblemSeverity.Error);
        Assert.Empty(outcome.Processes);
        await using var db = MigrationTests.NewContext(_connectionString);
        Assert.Equal(0, await db.ProcessDefinitionVersions.CountAsync());
    }

    [Fact]
    public async Task DeployAsync_MissingFormInDeploymentContext_IsRefused()
    {
        var outcome = await DeployAsync(Bpmn("Tiếp nhận hồ sơ").Replace("psb:formKey=\"to-khai\"", "psb:formKey=\"khong-co\"", StringComparison.Ordinal));

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Problems, p => p.ElementId == "receive" && p.Message.Contains("khong-co", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeployAsync_ConcurrentIdenticalDeployments_StoreOneVersion()
    {
        var xml = Bpmn("Tiếp nhận hồ sơ");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DeployAsync(xml)));

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Single(outcomes, o => o.Processes.Single().IsNew);
        await using var db = MigrationTests.NewContext(_connectionString);
        Assert.Equal(1, await db.ProcessDefinitionVersions.CountAsync());
    }

    private async Task<ProcessDeployment.Outcome> DeployAsync(string xml)
    {
        await using var db = MigrationTests.NewContext(_connectionString);
        return await new ProcessDeployment(db, _clock).DeployAsync(xml, "tester", s_context, CancellationToken.None);
    }

    private static string Bpmn(string taskName) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="defs" targetNamespace="urn:test">
          <bpmn:process id="thu-tuc-mau" name="Thủ tục mẫu" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="receive" />
            <bpmn:userTask id="receive" name="{taskName}" psb:candidateGroups="one-stop-officer" psb:formKey="to-khai" />
            <bpmn:sequenceFlow id="f2" sourceRef="receive" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
