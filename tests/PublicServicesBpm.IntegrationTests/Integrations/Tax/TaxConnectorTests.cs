using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Features.Engine;
using PublicServicesBpm.Host.Features.Integrations.Tax;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Integrations.Tax;

/// <summary>
/// The tax connector (service task <c>tax.household-tax-code</c>) against the host's simulator of the tax authority,
/// over real HTTP on loopback; and the shipped household business workflow getting its tax code through it.
/// </summary>
public sealed class TaxConnectorTests : IAsyncLifetime
{
    private const string DossierCode = "000.21.30.H38-260429-0001";

    private TestPostgres _postgres = null!;
    private string _connectionString = string.Empty;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        _host = await TestHost.StartAsync(_connectionString);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _postgres.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Handler_ValidHousehold_GetsATenDigitTaxCodeFromTheSimulator()
    {
        var result = await Handler.ExecuteAsync(Context("job-valid", Household()), CancellationToken.None);

        Assert.Null(result.ErrorCode);
        var code = (string?)result.Variables!["taxCode"];
        Assert.Matches("^[0-9]{10}$", code);
        Assert.True(HouseholdTaxCodes.IsValid(code!));
    }

    [Fact]
    public async Task Handler_SameJobRunTwice_GetsTheSameTaxCode_AnotherJobAnotherCode()
    {
        var first = await Handler.ExecuteAsync(Context("job-twice", Household()), CancellationToken.None);
        var again = await Handler.ExecuteAsync(Context("job-twice", Household()), CancellationToken.None);
        var other = await Handler.ExecuteAsync(Context("job-other", Household()), CancellationToken.None);

        Assert.Equal((string?)first.Variables!["taxCode"], (string?)again.Variables!["taxCode"]);
        Assert.NotEqual((string?)first.Variables!["taxCode"], (string?)other.Variables!["taxCode"]);
    }

    [Fact]
    public async Task Handler_OwnerIdNotTwelveDigits_ReturnsTheBpmnErrorTheWorkflowCatches()
    {
        var household = Household();
        household["chuHo"]!["soDinhDanh"] = "12345";

        var result = await Handler.ExecuteAsync(Context("job-bad-owner", household), CancellationToken.None);

        Assert.Equal("tax-rejected", result.ErrorCode);
        Assert.StartsWith("invalid-owner-id:", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_TaxAuthorityUnreachable_ThrowsSoTheJobIsRetried()
    {
        var options = Options.Create(new TaxOptions { BaseUrl = new Uri("http://127.0.0.1:9/"), ApiKey = "k", Timeout = TimeSpan.FromSeconds(5) });
        using var http = new HttpClient();
        var client = new TaxAuthorityClient(http, new TaxEndpointAddress(options, _host.Services.GetRequiredService<IServer>()), new TaxApiKey(options), options);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.RequestHouseholdTaxCodeAsync(HouseholdTaxCodeHandler.ToRequest(Context("job-down", Household())), "job-down", CancellationToken.None));
    }

    [Fact]
    public async Task Simulator_WithoutTheApiKey_Is401Problem()
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + TaxProtocol.HouseholdTaxCodesPath, UriKind.Relative))
        {
            Content = JsonContent.Create(HouseholdTaxCodeHandler.ToRequest(Context("job-no-key", Household()))),
        };
        request.Headers.Add(TaxProtocol.IdempotencyKeyHeader, "job-no-key");
        request.Headers.Add(TaxProtocol.ApiKeyHeader, "a guess");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("taxCode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HouseholdBusinessWorkflow_ValidDossier_GetsItsTaxCodeBeforeTheLeaderSigns()
    {
        var runtime = _host.Services.GetRequiredService<WorkflowRuntime>();
        await DeployShippedWorkflowAsync("dang-ky-ho-kinh-doanh");
        var dossierId = Guid.CreateVersion7();
        var variables = Household();
        variables["dossierId"] = dossierId.ToString("D");
        variables["agencyCode"] = Agency;
        variables["channel"] = 2;
        variables["receivedAtCounter"] = false;
        var started = await runtime.StartAsync("dang-ky-ho-kinh-doanh", variables, DossierCode, null, CancellationToken.None);
        // Receipt (the inline service task dossier.receive) gives the dossier row its code: the row must exist.
        await InsertDossierAsync(dossierId, started.InstanceId);

        await CompleteTaskAsync(runtime, started.InstanceId, "receive", "accept");
        await CompleteTaskAsync(runtime, started.InstanceId, "appraise", "valid");
        await CompleteTaskAsync(runtime, started.InstanceId, "request-payment", "requested");
        await runtime.CorrelateMessageAsync("payment-received", dossierId.ToString("D"), null, null, CancellationToken.None);

        await WaitUntilAsync(async () => await TaskIdAsync(started.InstanceId, "sign") is not null);
        var taxCode = await ScalarAsync<string>("SELECT state -> 'variables' ->> 'taxCode' FROM bpm.process_instances WHERE id = @id", started.InstanceId);
        Assert.Matches("^[0-9]{10}$", taxCode);
    }

    private IServiceTaskHandler Handler =>
        _host.Services.GetServices<IServiceTaskHandler>().Single(h => h.Type == HouseholdTaxCodeHandler.HandlerType);

    private static ServiceTaskContext Context(string jobId, JsonObject variables) =>
        new(jobId, Guid.CreateVersion7(), "register-tax", DossierCode, variables);

    /// <summary>The variables the request form <c>dang-ky-ho-kinh-doanh-de-nghi</c> produces.</summary>
    private static JsonObject Household() => new()
    {
        ["hoKinhDoanh"] = new JsonObject { ["ten"] = "HỘ KINH DOANH TẠP HÓA MINH AN", ["diaChi"] = "Số 12 đường Hoàng Liên, phường Cam Đường, tỉnh Lào Cai", ["vonKinhDoanh"] = 150000000 },
        ["chuHo"] = new JsonObject { ["hoTen"] = "Nguyễn Minh An", ["soDinhDanh"] = "010203004005" },
        ["nganhNghe"] = new JsonArray(new JsonObject { ["maNganh"] = "4711", ["tenNganh"] = "Bán lẻ lương thực, thực phẩm trong cửa hàng tổng hợp" }),
    };

    private async Task DeployShippedWorkflowAsync(string key)
    {
        var repository = RepositoryRoot();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Definitions:FormsDirectory"] = Path.Combine(repository, "forms") })
            .Build();
        using var scope = _host.Services.CreateScope();
        // The deployment context of start-up: the forms of the repository and the handlers this host registers.
        var context = await RepositoryDefinitions.ContextAsync(scope.ServiceProvider, configuration, [key], CancellationToken.None);
        var bpmn = await File.ReadAllTextAsync(Path.Combine(repository, "workflows", key, key + ".bpmn"));
        var outcome = await scope.ServiceProvider.GetRequiredService<ProcessDeployment>().DeployAsync(bpmn, "tester", context, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Problems));
    }

    private const string Agency = "000.21.30.H38";

    private async Task InsertDossierAsync(Guid dossierId, Guid instanceId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            INSERT INTO app.agencies (code, name, province_code, created_at) VALUES (@agency, 'UBND phường Cam Đường', '15', now()) ON CONFLICT DO NOTHING;
            INSERT INTO app.dossiers (id, procedure_code, procedure_version, case_code, process_key, agency_code, channel, created_by, applicant, form_data,
                                      result_delivery, status, process_instance_id, created_at, updated_at, time_limit, paused_working_minutes, supplementation_count)
            VALUES (@id, 'dang-ky-ho-kinh-doanh', 1, 'mac-dinh', 'dang-ky-ho-kinh-doanh', @agency, 2, 'tester', '{"kind":"citizen","fullName":"Nguyễn Minh An"}', '{}',
                    'counter', 1, @instance, now(), now(), '{"value":3,"unit":"working-days","sameDay":false,"restartAfterSupplement":true}', 0, 0)
            """, connection);
        command.Parameters.AddWithValue("agency", Agency);
        command.Parameters.AddWithValue("id", dossierId);
        command.Parameters.AddWithValue("instance", instanceId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task CompleteTaskAsync(WorkflowRuntime runtime, Guid instanceId, string elementId, string outcome)
    {
        var taskId = await TaskIdAsync(instanceId, elementId) ?? throw new InvalidOperationException($"No open task {elementId}");
        await runtime.ExecuteAsync(instanceId, new CompleteUserTask(taskId, outcome), null, CancellationToken.None);
    }

    private Task<string?> TaskIdAsync(Guid instanceId, string elementId) =>
        ScalarAsync<string>("SELECT id FROM bpm.user_tasks WHERE instance_id = @id AND element_id = @element AND status = 'open'", instanceId, elementId);

    private async Task<T?> ScalarAsync<T>(string sql, Guid instanceId, string element = "")
    {
        await using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", instanceId);
        command.Parameters.AddWithValue("element", element);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    // The service task runs as a background job on the host's workers: poll its visible outcome.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for the service-task job");
            await Task.Delay(50);
        }
    }

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PublicServicesBpm.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("PublicServicesBpm.sln not found above " + sourceFile);
    }
}
