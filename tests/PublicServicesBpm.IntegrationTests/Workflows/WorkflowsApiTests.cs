using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.IntegrationTests.Workflows;

/// <summary>The engine over HTTP: deploy, start, the officers' inbox by agency and role, task work, instance operations, audit.</summary>
public sealed class WorkflowsApiTests(WorkflowsApiFixture fixture) : IClassFixture<WorkflowsApiFixture>
{
    private const string A = WorkflowsApiFixture.AgencyA;

    private static string Bpmn(string key, string candidateGroups) => $"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="defs" targetNamespace="urn:test">
          <bpmn:process id="{key}" name="Thẩm định {key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="Thẩm định hồ sơ" psb:candidateGroups="{candidateGroups}" psb:outcomes="approve,reject" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Deploy_AsDesigner_CreatesVersionOneThenUnchangedThenVersionTwo()
    {
        using var designer = await fixture.SignInAsync("designer");

        using var first = await DeployAsync(designer, Bpmn("deploy-versions", "specialist"));
        using var same = await DeployAsync(designer, Bpmn("deploy-versions", "specialist"));
        using var changed = await DeployAsync(designer, Bpmn("deploy-versions", "clerk"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);
        var versions = await designer.GetFromJsonAsync<JsonElement>("/api/v1/definitions/deploy-versions/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var xml = await designer.GetStringAsync("/api/v1/definitions/deploy-versions/versions/1/xml");
        Assert.Contains("psb:candidateGroups=\"specialist\"", xml, StringComparison.Ordinal);
        Assert.Equal(2, await AuditCountAsync("definition.deployed", "deploy-versions"));
    }

    [Fact]
    public async Task Deploy_InvalidBpmn_Returns422WithEveryProblemAndStoresNothing()
    {
        using var designer = await fixture.SignInAsync("designer");
        var broken = Bpmn("deploy-broken", "specialist").Replace("targetRef=\"end\"", "targetRef=\"nowhere\"", StringComparison.Ordinal);

        using var response = await DeployAsync(designer, broken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(), p => p.GetProperty("elementId").GetString() == "f2");
        using var versions = await designer.GetAsync("/api/v1/definitions/deploy-broken/versions");
        Assert.Equal(HttpStatusCode.NotFound, versions.StatusCode);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>")]
    [InlineData("<html><body>not bpmn</body></html>")]
    public async Task Deploy_HostileOrForeignInput_Returns422ProblemDetails(string body)
    {
        using var designer = await fixture.SignInAsync("designer");

        using var response = await DeployAsync(designer, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deploy_LargerThanTwoMegabytes_Returns413()
    {
        using var designer = await fixture.SignInAsync("designer");

        using var response = await DeployAsync(designer, "<x>" + new string('a', 3 * 1024 * 1024) + "</x>");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Deploy_AsSpecialistOrAnonymous_IsRefused()
    {
        using var specialist = await fixture.SignInAsync("specialist-a");
        using var anonymous = fixture.Anonymous();

        using var asSpecialist = await DeployAsync(specialist, Bpmn("deploy-denied", "specialist"));
        using var asAnonymous = await DeployAsync(anonymous, Bpmn("deploy-denied", "specialist"));

        Assert.Equal(HttpStatusCode.Forbidden, asSpecialist.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
    }

    [Fact]
    public async Task Task_OfAgencyA_IsSeenClaimedAndCompletedOnlyByAgencyASpecialists()
    {
        using var designer = await fixture.SignInAsync("designer");
        using var specialistA = await fixture.SignInAsync("specialist-a");
        using var specialistB = await fixture.SignInAsync("specialist-b");
        (await DeployAsync(designer, Bpmn("inbox-by-agency", "specialist"))).Dispose();
        var instanceId = await StartAsync(designer, "inbox-by-agency", new { agencyCode = A, applicant = "Nguyễn Văn An" });

        var taskId = await SingleTaskIdAsync(specialistA, instanceId);
        var seenByB = await specialistB.GetFromJsonAsync<JsonElement>("/api/v1/tasks?view=all");
        using var getByB = await specialistB.GetAsync($"/api/v1/tasks/{taskId}");
        using var claimByB = await specialistB.PostAsync($"/api/v1/tasks/{taskId}/claim", null);
        using var completeUnclaimed = await specialistA.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { outcome = "approve" });
        using var claim = await specialistA.PostAsync($"/api/v1/tasks/{taskId}/claim", null);
        var details = await specialistA.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}");
        using var complete = await specialistA.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { outcome = "approve", variables = new { note = "Đủ điều kiện" } });
        using var completeAgain = await specialistA.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { outcome = "approve" });

        Assert.DoesNotContain(seenByB.EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == instanceId);
        Assert.Equal(HttpStatusCode.NotFound, getByB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, claimByB.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, completeUnclaimed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, claim.StatusCode);
        Assert.Equal("Nguyễn Văn An", details.GetProperty("variables").GetProperty("applicant").GetString());
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal("completed", (await complete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, completeAgain.StatusCode);
        Assert.Equal(1, await AuditCountAsync("task.completed", taskId));
        Assert.Equal(1, await AuditCountAsync("task.claimed", taskId));
        Assert.True(await AuditCountAsync("personal-data.read", instanceId.ToString("D")) >= 1);
    }

    [Fact]
    public async Task Task_WithScopedCandidateGroup_IsSeenWithoutAgencyVariable()
    {
        using var designer = await fixture.SignInAsync("designer");
        using var specialistA = await fixture.SignInAsync("specialist-a");
        using var specialistB = await fixture.SignInAsync("specialist-b");
        (await DeployAsync(designer, Bpmn("inbox-scoped", $"specialist@{A}"))).Dispose();
        var instanceId = await StartAsync(designer, "inbox-scoped", new { });

        var taskId = await SingleTaskIdAsync(specialistA, instanceId);
        using var getByB = await specialistB.GetAsync($"/api/v1/tasks/{taskId}");

        Assert.Equal(HttpStatusCode.NotFound, getByB.StatusCode);
    }

    [Fact]
    public async Task Assign_ByDepartmentHeadOfTheAgency_GivesTheTaskToTheSpecialist()
    {
        using var designer = await fixture.SignInAsync("designer");
        using var headA = await fixture.SignInAsync("head-a");
        using var headB = await fixture.SignInAsync("head-b");
        using var specialistA2 = await fixture.SignInAsync("specialist-a2");
        (await DeployAsync(designer, Bpmn("assign-by-head", "specialist,department-head"))).Dispose();
        var instanceId = await StartAsync(designer, "assign-by-head", new { agencyCode = A });
        var taskId = await SingleTaskIdAsync(headA, instanceId);
        var target = new { accountId = fixture.AccountId("specialist-a2") };

        using var byHeadB = await headB.PostAsJsonAsync($"/api/v1/tasks/{taskId}/assign", target);
        using var byHeadA = await headA.PostAsJsonAsync($"/api/v1/tasks/{taskId}/assign", target);
        var mine = await specialistA2.GetFromJsonAsync<JsonElement>("/api/v1/tasks?view=mine");

        Assert.Equal(HttpStatusCode.NotFound, byHeadB.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byHeadA.StatusCode);
        Assert.Contains(mine.EnumerateArray(), t => t.GetProperty("id").GetString() == taskId);
    }

    [Fact]
    public async Task Instance_StartTwiceWithOneIdempotencyKey_StartsOnce()
    {
        using var designer = await fixture.SignInAsync("designer");
        (await DeployAsync(designer, Bpmn("idempotent-start", "specialist"))).Dispose();

        var first = await StartAsync(designer, "idempotent-start", new { agencyCode = A }, idempotencyKey: "dossier-42");
        var second = await StartAsync(designer, "idempotent-start", new { agencyCode = A }, idempotencyKey: "dossier-42");

        Assert.Equal(first, second);
        var instance = await designer.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{first}");
        Assert.Equal(["review"], instance.GetProperty("activeElementIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(A, instance.GetProperty("variables").GetProperty("agencyCode").GetString());
        Assert.Equal(1, await AuditCountAsync("instance.started", first.ToString("D")));
    }

    [Fact]
    public async Task Instance_SuspendResumeCancel_ChangesStatusAndKeepsHistory()
    {
        using var designer = await fixture.SignInAsync("designer");
        (await DeployAsync(designer, Bpmn("lifecycle", "specialist"))).Dispose();
        var id = await StartAsync(designer, "lifecycle", new { agencyCode = A });

        using var suspend = await designer.PostAsync($"/api/v1/instances/{id}/suspend", null);
        using var suspendAgain = await designer.PostAsync($"/api/v1/instances/{id}/suspend", null);
        using var resume = await designer.PostAsync($"/api/v1/instances/{id}/resume", null);
        using var cancel = await designer.PostAsJsonAsync($"/api/v1/instances/{id}/cancel", new { reason = "Người nộp rút hồ sơ" });
        var history = await designer.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{id}/history");

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, suspendAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.True(history.GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Instance_UnknownProcessOrMessageOrId_ReturnProblemDetails()
    {
        using var designer = await fixture.SignInAsync("designer");

        using var start = await designer.PostAsJsonAsync("/api/v1/instances", new { processKey = "no-such-process" });
        using var message = await designer.PostAsJsonAsync("/api/v1/messages", new { messageName = "nobody-waits", correlationKey = "x" });
        using var get = await designer.GetAsync($"/api/v1/instances/{Guid.CreateVersion7()}");
        using var badVariables = await designer.PostAsJsonAsync("/api/v1/instances", new { processKey = "lifecycle", variables = new[] { 1, 2 } });

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, message.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badVariables.StatusCode);
    }

    [Fact]
    public async Task Instances_AsSpecialist_AreForbidden()
    {
        using var specialist = await fixture.SignInAsync("specialist-a");

        using var list = await specialist.GetAsync("/api/v1/instances");
        using var incidents = await specialist.GetAsync("/api/v1/incidents");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, incidents.StatusCode);
    }

    [Fact]
    public async Task Officer_WithATemporaryPassword_GetsNoRoleUntilTheyChooseTheirOwn()
    {
        using var officer = await fixture.SignInAsync("temporary-password");

        using var before = await officer.GetAsync("/api/v1/tasks");
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.SingleAsync(u => u.UserName == "temporary-password");
            account.MustChangePassword = false;
            await db.SaveChangesAsync();
        }
        using var after = await officer.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static async Task<HttpResponseMessage> DeployAsync(HttpClient client, string bpmn) =>
        await client.PostAsync("/api/v1/definitions", new StringContent(bpmn, Encoding.UTF8, "application/xml"));

    private static async Task<Guid> StartAsync(HttpClient client, string key, object variables, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/instances") { Content = JsonContent.Create(new { processKey = key, variables }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetGuid();
    }

    private static async Task<string> SingleTaskIdAsync(HttpClient officer, Guid instanceId)
    {
        var tasks = await officer.GetFromJsonAsync<JsonElement>("/api/v1/tasks?view=group");
        return tasks.EnumerateArray().Single(t => t.GetProperty("instanceId").GetGuid() == instanceId).GetProperty("id").GetString()!;
    }

    private async Task<int> AuditCountAsync(string action, string targetIdPart)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditLog.CountAsync(e => e.Action == action && e.TargetId != null && e.TargetId.Contains(targetIdPart));
    }
}
