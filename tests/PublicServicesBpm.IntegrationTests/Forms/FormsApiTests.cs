using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PublicServicesBpm.IntegrationTests.Workflows;

namespace PublicServicesBpm.IntegrationTests.Forms;

/// <summary>Stored, versioned forms over real HTTP, and the server-side check of a task's form data on completion.</summary>
public sealed class FormsApiTests(WorkflowsApiFixture fixture) : IClassFixture<WorkflowsApiFixture>
{
    private const string DateComponent = """
        ,{"id":"c4","type":"datetime","key":"visitDate","subtype":"date","dateLabel":"Ngày kiểm tra","validate":{"required":true}}
        """;

    private const string OpinionTemplate = """
        {"type":"default","id":"FORM_ID","schemaVersion":16,"components":[
          {"id":"c1","type":"textarea","key":"opinion","label":"Ý kiến thẩm định","validate":{"required":true,"minLength":5}},
          {"id":"c2","type":"select","key":"decision","label":"Đề xuất","values":[{"label":"Đồng ý","value":"approve"},{"label":"Từ chối","value":"refuse"}],"validate":{"required":true}},
          {"id":"c3","type":"textfield","key":"reason","label":"Lý do từ chối","conditional":{"hide":"=decision != \"refuse\""},"validate":{"required":true}}
          DATE_COMPONENT
        ]}
        """;

    /// <summary>An appraisal opinion form; <paramref name="withDate"/> adds a fourth, required field (a changed version).</summary>
    private static string Opinion(string formKey, bool withDate = false) =>
        OpinionTemplate.Replace("FORM_ID", formKey, StringComparison.Ordinal).Replace("DATE_COMPONENT", withDate ? DateComponent : string.Empty, StringComparison.Ordinal);

    private static string Process(string key, string formKey) => $"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:psb="urn:publicservicesbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="appraise" />
            <bpmn:userTask id="appraise" name="Thẩm định" psb:candidateGroups="specialist" psb:formKey="{formKey}" />
            <bpmn:sequenceFlow id="f2" sourceRef="appraise" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task DeployForm_NewThenSameThenChanged_StoresVersionsOneAndTwoOnly()
    {
        using var designer = await fixture.SignInAsync("designer");

        using var first = await PutAsync(designer, "phieu-y-kien-a", Opinion("phieu-y-kien-a"));
        using var same = await PutAsync(designer, "phieu-y-kien-a", Opinion("phieu-y-kien-a"));
        using var changed = await PutAsync(designer, "phieu-y-kien-a", Opinion("phieu-y-kien-a", withDate: true));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);
        var versions = await designer.GetFromJsonAsync<JsonElement>("/api/v1/forms/phieu-y-kien-a/versions");
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var second = await designer.GetFromJsonAsync<JsonElement>("/api/v1/forms/phieu-y-kien-a/versions/2");
        Assert.Equal(4, second.GetProperty("schema").GetProperty("components").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"type":"default","components":[{"id":"x","type":"rocket","key":"a"}]}""")]
    [InlineData("""{"type":"default","components":[{"id":"x","type":"textfield","key":"a","conditional":{"hide":"=a >"}}]}""")]
    [InlineData("not json at all")]
    public async Task DeployForm_BadSchema_IsRefusedWithProblemsAndNothingStored(string schema)
    {
        using var designer = await fixture.SignInAsync("designer");

        using var response = await PutAsync(designer, "phieu-hong", schema);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var versions = await designer.GetAsync("/api/v1/forms/phieu-hong/versions");
        Assert.Equal(HttpStatusCode.NotFound, versions.StatusCode);
    }

    [Fact]
    public async Task DeployForm_SpecialistIsNotADesigner_IsForbidden()
    {
        using var specialist = await fixture.SignInAsync("specialist-a");

        using var response = await PutAsync(specialist, "phieu-khac", Opinion("phieu-khac"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CompleteTask_FormDataCheckedOnTheServer_OnlyValidVisibleDataReachesTheInstance()
    {
        using var designer = await fixture.SignInAsync("designer");
        using var formDeployed = await PutAsync(designer, "phieu-tham-dinh-b", Opinion("phieu-tham-dinh-b"));
        Assert.Equal(HttpStatusCode.Created, formDeployed.StatusCode);
        using var deployed = await designer.PostAsync("/api/v1/definitions", new StringContent(Process("tham-dinh-co-phieu", "phieu-tham-dinh-b"), Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        using var started = await designer.PostAsJsonAsync("/api/v1/instances", new { processKey = "tham-dinh-co-phieu", variables = new { agencyCode = WorkflowsApiFixture.AgencyA } });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetGuid();
        using var specialist = await fixture.SignInAsync("specialist-a");
        var tasks = await specialist.GetFromJsonAsync<JsonElement>("/api/v1/tasks?view=group");
        var taskId = tasks.EnumerateArray().First(t => t.GetProperty("instanceId").GetGuid() == instanceId).GetProperty("id").GetString();
        (await specialist.PostAsync($"/api/v1/tasks/{taskId}/claim", null)).EnsureSuccessStatusCode();
        // A new form version after the process was deployed: the task keeps the version pinned at deployment.
        using var v2 = await PutAsync(designer, "phieu-tham-dinh-b", Opinion("phieu-tham-dinh-b", withDate: true));

        var form = await specialist.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}/form");
        using var missing = await specialist.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { decision = "refuse", opinion = "Hồ sơ thiếu giấy tờ" } });
        using var extra = await specialist.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { decision = "approve", opinion = "Đủ điều kiện", grade = 10 } });
        using var valid = await specialist.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { decision = "approve", opinion = "Đủ điều kiện cấp", reason = "ẩn nên bị bỏ" } });

        Assert.Equal(1, form.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var instance = await designer.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{instanceId}");
        var variables = instance.GetProperty("variables");
        Assert.Equal("Đủ điều kiện cấp", variables.GetProperty("opinion").GetString());
        Assert.False(variables.TryGetProperty("reason", out _), "a hidden field's value must be discarded");
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string formKey, string schema) =>
        client.PutAsync($"/api/v1/forms/{formKey}", new StringContent(schema, Encoding.UTF8, "application/json"));
}
