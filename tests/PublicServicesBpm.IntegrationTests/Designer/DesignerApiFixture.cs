using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.IntegrationTests.Dossiers;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.IntegrationTests.Slips;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Designer;

/// <summary>
/// The designer studio's API on the dossier tests' host (<see cref="DossierApiFixture"/>: the repository's forms and
/// workflows deployed as version 1, the demo agencies, one-stop officers, applicants on demand) plus a procedure
/// designer. One per test class; each test works on its own workflow or form key, since drafts and versions are
/// per key and shared by the class.
/// </summary>
public sealed class DesignerApiFixture : IAsyncLifetime
{
    public const string DesignerUserName = "thiet-ke-quy-trinh";

    /// <summary>The five procedures shipped in <c>workflows/</c>.</summary>
    public static readonly string[] ShippedWorkflows =
        ["cap-ban-sao-trich-luc-ho-tich", "cap-giay-phep-xay-dung-nha-o", "cap-phieu-ly-lich-tu-phap", "dang-ky-ho-kinh-doanh", "dang-ky-khai-sinh"];

    public DossierApiFixture Dossiers { get; } = new();

    public Guid DesignerId { get; private set; }

    public async Task InitializeAsync()
    {
        await Dossiers.InitializeAsync();
        await using var scope = Dossiers.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var now = Dossiers.Clock.GetUtcNow();
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(), UserName = DesignerUserName, Email = DesignerUserName + "@laocai.gov.vn", FullName = "Người thiết kế quy trình", CreatedAt = now,
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RoleGrants.Add(new RoleGrant
        {
            Id = Guid.CreateVersion7(), AccountId = account.Id, Role = OfficerRole.ProcedureDesigner, AgencyCode = DossierApiFixture.Justice, ValidFrom = now.AddDays(-1), GrantedAt = now.AddDays(-1),
        });
        await db.SaveChangesAsync();
        DesignerId = account.Id;
    }

    public Task DisposeAsync() => Dossiers.DisposeAsync();

    /// <summary>A client signed in as the procedure designer.</summary>
    public Task<HttpClient> DesignerAsync() => Dossiers.SignInOfficerAsync(DesignerId);

    /// <summary>A client signed in as an officer who holds roles, but not the procedure designer's.</summary>
    public Task<HttpClient> SpecialistAsync() => Dossiers.OfficerAsync(OfficerRole.Specialist);

    public HttpClient Anonymous() => Dossiers.Anonymous();

    /// <summary>What the host does at start-up before it listens: deploy the repository's forms and workflows.</summary>
    public Task DeployRepositoryAsync() =>
        RepositoryDefinitions.DeployAsync(Dossiers.Services, Dossiers.Services.GetRequiredService<IConfiguration>(), CancellationToken.None);

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Dossiers.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The versions stored for the process key, oldest first.</summary>
    public Task<List<int>> StoredVersionsAsync(string key) =>
        QueryAsync(db => db.ProcessDefinitionVersions.AsNoTracking().Where(v => v.Key == key).OrderBy(v => v.Version).Select(v => v.Version).ToListAsync());

    /// <summary>The versions stored for the form key, oldest first.</summary>
    public Task<List<int>> StoredFormVersionsAsync(string formKey) =>
        QueryAsync(db => db.FormVersions.AsNoTracking().Where(f => f.FormKey == formKey).OrderBy(f => f.Version).Select(f => f.Version).ToListAsync());

    /// <summary>How many audit entries have this action and exactly this target.</summary>
    public Task<int> AuditCountAsync(string action, string targetId) =>
        QueryAsync(db => db.AuditLog.AsNoTracking().CountAsync(e => e.Action == action && e.TargetId == targetId));

    /// <summary>The shipped BPMN file of <paramref name="key"/>.</summary>
    public static string ShippedWorkflow(string key) =>
        File.ReadAllText(Path.Combine(SlipSamples.RepositoryRoot(), "workflows", key, key + ".bpmn"));

    /// <summary>The shipped form schema of <paramref name="formKey"/>, as the studio's editor holds it.</summary>
    public static JsonObject ShippedForm(string formKey) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(SlipSamples.RepositoryRoot(), "forms", formKey, formKey + ".form.json")))!;

    // ------------------------------------------------------------------ HTTP

    public static Task<HttpResponseMessage> PutWorkflowDraftAsync(HttpClient client, string key, string? xml, int revision, int? baseVersion = null) =>
        client.PutAsJsonAsync(new Uri($"/api/v1/designer/workflows/{key}/draft", UriKind.Relative), new { xml, baseVersion, revision }, DossierApiFixture.Json);

    public static Task<HttpResponseMessage> PutFormDraftAsync(HttpClient client, string formKey, object? schema, int revision, int? baseVersion = null) =>
        client.PutAsJsonAsync(new Uri($"/api/v1/designer/forms/{formKey}/draft", UriKind.Relative), new { schema, baseVersion, revision }, DossierApiFixture.Json);

    public static Task<HttpResponseMessage> PublishAsync(HttpClient client, string kind, string key, int revision) =>
        client.PostAsJsonAsync(new Uri($"/api/v1/designer/{kind}/{key}/draft/publish", UriKind.Relative), new { revision }, DossierApiFixture.Json);

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Saves <paramref name="xml"/> as the first revision of the workflow's draft and expects 200.</summary>
    public static async Task<JsonElement> SaveWorkflowDraftAsync(HttpClient client, string key, string xml, int revision = 0)
    {
        using var response = await PutWorkflowDraftAsync(client, key, xml, revision);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Saves the draft and publishes it; returns the published version (201 expected).</summary>
    public static async Task<int> PublishWorkflowAsync(HttpClient client, string key, string xml)
    {
        var saved = await SaveWorkflowDraftAsync(client, key, xml);
        using var response = await PublishAsync(client, "workflows", key, saved.GetProperty("revision").GetInt32());
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("version").GetInt32();
    }

    /// <summary>Starts an instance of the process through the engine API and returns the version it runs on.</summary>
    public static async Task<(Guid Id, int Version)> StartInstanceAsync(HttpClient designer, string key)
    {
        using var response = await designer.PostAsJsonAsync(new Uri("/api/v1/instances", UriKind.Relative), new { processKey = key, variables = new { } }, DossierApiFixture.Json);
        var id = (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("instanceId").GetGuid();
        return (id, await InstanceVersionAsync(designer, id));
    }

    /// <summary>An applicant submits a household business dossier online (its workflow starts); returns the dossier's process instance.</summary>
    public async Task<Guid> SubmitHouseholdBusinessDossierAsync(string applicantName)
    {
        using var applicant = await Dossiers.ApplicantAsync(await Dossiers.CreateApplicantAsync(applicantName));
        var id = await DossierApiFixture.CreateDraftAsync(applicant, new { procedureCode = "dang-ky-ho-kinh-doanh", channel = "online", formData = DossierSamples.HouseholdBusiness() });
        await DossierApiFixture.UploadAsync(applicant, id, "giay-de-nghi");
        await DossierApiFixture.UploadAsync(applicant, id, "giay-to-tuy-than");
        var submitted = await DossierApiFixture.PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
        return submitted.GetProperty("processInstanceId").GetGuid();
    }

    public static async Task<int> InstanceVersionAsync(HttpClient designer, Guid instanceId)
    {
        using var response = await GetAsync(designer, $"/api/v1/instances/{instanceId}");
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("processVersion").GetInt32();
    }
}
