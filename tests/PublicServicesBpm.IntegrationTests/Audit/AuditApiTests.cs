using System.Net;
using System.Text.Json;
using PublicServicesBpm.Persistence.Audit;
using static PublicServicesBpm.IntegrationTests.Audit.AuditHostFixture;

namespace PublicServicesBpm.IntegrationTests.Audit;

/// <summary><c>/api/v1/audit</c> over real HTTP with real officer sessions, on the entries of <see cref="AuditHostFixture.Seed"/>.</summary>
public sealed class AuditApiTests(AuditHostFixture fixture) : IClassFixture<AuditHostFixture>
{
    [Fact]
    public async Task Search_ByActor_ReturnsTheirEntriesNewestFirstWithAllFields()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        using var body = await GetJsonAsync(client, $"/api/v1/audit?actorId={OfficerA}");

        var entries = body.RootElement.GetProperty("entries");
        Assert.Equal([2L, 1L], Sequences(entries));
        var first = entries[1];
        Assert.Equal("2026-01-10T02:00:00+00:00", first.GetProperty("at").GetString());
        Assert.Equal("officer", first.GetProperty("actor").GetProperty("kind").GetString());
        Assert.Equal("Nguyễn Văn A", first.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("personal-data.read", first.GetProperty("action").GetString());
        Assert.Equal(ApplicantP1, first.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal(DossierD1, first.GetProperty("dossierId").GetGuid());
        Assert.Equal("192.0.2.1", first.GetProperty("ip").GetString());
        Assert.Equal("Firefox", first.GetProperty("userAgent").GetString());
        Assert.Equal("succeeded", first.GetProperty("outcome").GetString());
        Assert.Equal("birthDate", first.GetProperty("details").GetProperty("fields")[1].GetString());
        Assert.Matches("^[0-9a-f]{64}$", first.GetProperty("hash").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("nextAfter").ValueKind);
    }

    [Fact]
    public async Task Search_ByActor_TheReadIsItselfRecordedWithTheFilter()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);
        using (await GetJsonAsync(client, $"/api/v1/audit?actorId={OfficerB}&limit=7"))
        {
        }

        using var reads = await GetJsonAsync(client, $"/api/v1/audit?action=audit.read&actorId={fixture.AuditorId}&limit=200");

        var read = reads.RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("details").TryGetProperty("limit", out var limit) && limit.GetInt32() == 7);
        Assert.Equal("officer", read.GetProperty("actor").GetProperty("kind").GetString());
        Assert.Equal("audit-log", read.GetProperty("target").GetProperty("type").GetString());
        Assert.Equal(OfficerB, read.GetProperty("details").GetProperty("actorId").GetString());
        Assert.Equal("search", read.GetProperty("details").GetProperty("view").GetString());
        Assert.Equal(2, read.GetProperty("details").GetProperty("returned").GetInt32());
    }

    [Theory]
    [InlineData("targetType=applicant&targetId=" + ApplicantP1, new long[] { 3, 1 })]
    [InlineData("person=" + OfficerA, new long[] { 4, 2, 1 })]
    [InlineData("dossierId=0190a3c2-5b7e-7c1d-9f00-0000000000d1", new long[] { 3, 1 })]
    [InlineData("action=account.*", new long[] { 4 })]
    [InlineData("outcome=denied", new long[] { 5 })]
    [InlineData("actorKind=partner", new long[] { 5 })]
    [InlineData("from=2026-01-11T00:00:00%2B07:00&to=2026-01-12T23:30:00%2B07:00", new long[] { 3, 2 })]
    [InlineData("from=2026-01-11T00:00:00+07:00&to=2026-01-12T16:30:00Z", new long[] { 3, 2 })]
    [InlineData("actorId=" + OfficerA + "&order=oldest", new long[] { 1, 2 })]
    [InlineData("action=personal-data.read&targetId=" + ApplicantP1 + "&actorId=" + OfficerB, new long[] { 3 })]
    public async Task Search_Filter_ReturnsExactlyTheMatchingEntries(string query, long[] expected)
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        // Up to the end of January only: leaves out what other tests record meanwhile (their reads happen now).
        var period = query.Contains("to=", StringComparison.Ordinal) ? string.Empty : "&to=2026-01-31T00:00:00Z";
        using var body = await GetJsonAsync(client, "/api/v1/audit?" + query + period);

        Assert.Equal(expected, Sequences(body.RootElement.GetProperty("entries")));
    }

    [Fact]
    public async Task Search_Pages_AreStableWhileTheLogGrows()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);
        const string Filter = "/api/v1/audit?actorKind=officer&to=2026-01-31T00:00:00Z&limit=2";

        using var first = await GetJsonAsync(client, Filter);
        var after = first.RootElement.GetProperty("nextAfter").GetInt64();
        var appended = await fixture.AppendAsync(
            new AuditRecord(AuditActorKind.Officer, "officer-c", "Lê Văn C", "personal-data.read", "applicant", "applicant-p9"),
            new DateTimeOffset(2026, 1, 20, 8, 0, 0, TimeSpan.FromHours(7)));
        using var second = await GetJsonAsync(client, $"{Filter}&after={after}");
        using var oldest = await GetJsonAsync(client, Filter + "&order=oldest&after=2");

        Assert.Equal([4L, 3L], Sequences(first.RootElement.GetProperty("entries")));
        Assert.Equal(3, after);
        Assert.Equal([2L, 1L], Sequences(second.RootElement.GetProperty("entries")));
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("nextAfter").ValueKind);
        Assert.Equal([3L, 4L], Sequences(oldest.RootElement.GetProperty("entries")));
        Assert.Equal(4, oldest.RootElement.GetProperty("nextAfter").GetInt64());
        using var last = await GetJsonAsync(client, Filter + "&order=oldest&after=4");
        Assert.Equal([appended], Sequences(last.RootElement.GetProperty("entries")));
    }

    [Theory]
    [InlineData("from=2026-01-12T00:00:00Z&to=2026-01-11T00:00:00Z", "to")]
    [InlineData("from=2026-01-12", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("limit=500", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("after=-1", "after")]
    [InlineData("order=sideways", "order")]
    [InlineData("dossierId=not-a-uuid", "dossierId")]
    [InlineData("actorKind=robot", "actorKind")]
    [InlineData("outcome=maybe", "outcome")]
    [InlineData("action=DROP%20TABLE", "action")]
    public async Task Search_BadFilter_Returns400ProblemDetailsNamingTheField(string query, string field)
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        using var response = await client.GetAsync(new Uri("/api/v1/audit?" + query, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/audit")]
    [InlineData("GET", "/api/v1/audit/statistics")]
    [InlineData("POST", "/api/v1/audit/verify")]
    public async Task AuditApi_OfficerWithoutTheAuditorRole_Returns403(string method, string path)
    {
        using var client = await fixture.SignInAsync(fixture.SpecialistId);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/audit")]
    [InlineData("GET", "/api/v1/audit/statistics")]
    [InlineData("POST", "/api/v1/audit/verify")]
    public async Task AuditApi_Anonymous_Returns401(string method, string path)
    {
        using var client = fixture.Anonymous();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Verify_IntactLog_ReturnsTheReportAndRecordsTheVerification()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        using var response = await client.PostAsync(new Uri("/api/v1/audit/verify", UriKind.Relative), content: null);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report.RootElement.GetProperty("intact").GetBoolean(), report.RootElement.ToString());
        var head = report.RootElement.GetProperty("headSequence").GetInt64();
        Assert.True(head >= Seed.Count);
        Assert.Equal(head, report.RootElement.GetProperty("entriesChecked").GetInt64());
        Assert.Matches("^[0-9a-f]{64}$", report.RootElement.GetProperty("headHash").GetString());
        Assert.Empty(report.RootElement.GetProperty("problems").EnumerateArray());
        using var recorded = await GetJsonAsync(client, $"/api/v1/audit?action=audit.verified&actorId={fixture.AuditorId}");
        var entry = recorded.RootElement.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("details").GetProperty("headSequence").GetInt64() == head);
        Assert.Equal("succeeded", entry.GetProperty("outcome").GetString());
        Assert.True(entry.GetProperty("details").GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Statistics_Period_CountsPerVietnamDayPerActionAndTopReaders()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        using var body = await GetJsonAsync(client, "/api/v1/audit/statistics?from=2026-01-10T00:00:00%2B07:00&to=2026-01-14T23:59:59%2B07:00");

        var root = body.RootElement;
        Assert.Equal(5, root.GetProperty("total").GetInt64());
        var perDay = root.GetProperty("perDay").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("count").GetInt64())).ToList();
        // Entry 4 is at 00:30 on 13/01 in Vietnam (17:30 UTC the day before): it counts for the 13th.
        Assert.Equal([("2026-01-10", 1L), ("2026-01-11", 1L), ("2026-01-12", 1L), ("2026-01-13", 1L), ("2026-01-14", 1L)], perDay);
        var perAction = root.GetProperty("perAction").EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("count").GetInt64())).ToList();
        Assert.Equal([("personal-data.read", 3L), ("account.updated", 1L), ("client.token-issued", 1L)], perAction);
        var top = root.GetProperty("topPersonalDataReaders").EnumerateArray().Select(a => (a.GetProperty("id").GetString(), a.GetProperty("reads").GetInt64())).ToList();
        Assert.Equal([(OfficerA, 2L), (OfficerB, 1L)], top);
    }

    [Fact]
    public async Task Statistics_NoPeriod_CoversTheLast30Days()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        using var body = await GetJsonAsync(client, "/api/v1/audit/statistics");

        var from = body.RootElement.GetProperty("from").GetDateTimeOffset();
        var to = body.RootElement.GetProperty("to").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(30), to - from);
        Assert.Equal(31, body.RootElement.GetProperty("perDay").GetArrayLength());
    }

    [Theory]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("from=soon", "from")]
    public async Task Statistics_BadPeriod_Returns400(string query, string field)
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        using var response = await client.GetAsync(new Uri("/api/v1/audit/statistics?" + query, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAuditOperationsAndTheirQueryNames()
    {
        using var client = fixture.Anonymous();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        var search = paths.GetProperty("/api/v1/audit").GetProperty("get");
        var names = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["actorId", "actorKind", "targetType", "targetId", "person", "dossierId", "action", "outcome", "from", "to", "after", "limit", "order"], names);
        Assert.True(paths.GetProperty("/api/v1/audit/verify").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/audit/statistics").TryGetProperty("get", out _));
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    private static List<long> Sequences(JsonElement entries) => [.. entries.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64())];
}
