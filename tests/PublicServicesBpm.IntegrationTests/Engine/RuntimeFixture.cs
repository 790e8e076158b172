using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.IntegrationTests.Persistence;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Engine;

/// <summary>A fresh database per test, BPMN deployment, and the runtime on a fake clock (Thursday 09:00 in Hà Nội).</summary>
public abstract class RuntimeTestBase : IAsyncLifetime
{
    private TestPostgres _postgres = null!;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7)));

    protected string ConnectionString { get; private set; } = string.Empty;

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    protected WorkflowRuntime Runtime { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        Runtime = new WorkflowRuntime(DataSource, new DefinitionCache(), Clock, new WeekdayOfficeHoursCalendar());
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _postgres.DropDatabaseAsync(ConnectionString);
    }

    protected async Task DeployAsync(string bpmn)
    {
        await using var db = MigrationTests.NewContext(ConnectionString);
        var context = new RepositoryDeploymentContext(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
        var outcome = await new ProcessDeployment(db, Clock).DeployAsync(bpmn, "tester", context, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Problems));
    }

    protected async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    protected static string Process(string id, string body) => $"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="defs" targetNamespace="urn:test">
          <bpmn:message id="msg-supplement" name="supplement-received" />
          <bpmn:process id="{id}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}
