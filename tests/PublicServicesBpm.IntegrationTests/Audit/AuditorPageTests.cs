using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PublicServicesBpm.Persistence.Audit;
using static PublicServicesBpm.IntegrationTests.Audit.AuditHostFixture;

namespace PublicServicesBpm.IntegrationTests.Audit;

/// <summary>The auditor page <c>/audit</c> as HTML over HTTP (the browser tests check how it looks and reads).</summary>
public sealed class AuditorPageTests(AuditHostFixture fixture) : IClassFixture<AuditHostFixture>
{
    [Fact]
    public async Task AuditPage_Anonymous_RedirectsToTheOfficerSignIn()
    {
        using var client = fixture.Anonymous();

        using var response = await client.GetAsync(new Uri("/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_OfficerWithoutTheAuditorRole_IsRefused()
    {
        using var client = await fixture.SignInAsync(fixture.SpecialistId);

        using var response = await client.GetAsync(new Uri("/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_FilterByPerson_ShowsTheirEntriesInVietnamTimeAndRecordsTheRead()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        using var response = await client.GetAsync(new Uri($"/audit?person={OfficerA}&to=31/01/2026", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Nhật ký kiểm toán</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-sequence=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-sequence=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-sequence=\"4\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-sequence=\"3\"", html, StringComparison.Ordinal);
        Assert.Contains("10/01/2026 09:00:00", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        using var reads = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/audit?action=audit.read&actorId={fixture.AuditorId}&limit=200", UriKind.Relative)));
        Assert.Contains(reads.RootElement.GetProperty("entries").EnumerateArray(), e =>
            e.GetProperty("details").GetProperty("view").GetString() == "page"
            && e.GetProperty("details").GetProperty("person").GetString() == OfficerA
            && e.GetProperty("details").GetProperty("to").GetDateTimeOffset() == new DateTimeOffset(2026, 1, 31, 16, 59, 59, TimeSpan.Zero).AddTicks(9_999_990));
    }

    [Theory]
    [InlineData("from=31/02/2026", "“31/02/2026” không phải là ngày")]
    [InlineData("from=12/01/2026&to=10/01/2026", "Ngày kết thúc không được trước ngày bắt đầu.")]
    [InlineData("dossier=abc", "Mã hồ sơ phải là một UUID")]
    [InlineData("to=01/01/0001", "“01/01/0001” không phải là ngày")]
    public async Task AuditPage_BadFilter_ExplainsInThePageInsteadOfFailing(string query, string message)
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        using var response = await client.GetAsync(new Uri("/audit?" + query, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-sequence=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_MalformedPageLink_ShowsTheFirstPageWithANote()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/audit?person={OfficerA}&after=lots", UriKind.Relative)));

        Assert.Contains("Liên kết trang không hợp lệ; đang hiển thị trang đầu.", html, StringComparison.Ordinal);
        Assert.Contains("data-sequence=\"1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_MoreThanOnePage_NextPageLinkContinuesWhereThePageEnded()
    {
        const string Actor = "bulk-reader";
        var sequences = new List<long>();
        for (var i = 0; i < 55; i++)
        {
            sequences.Add(await fixture.AppendAsync(
                new AuditRecord(AuditActorKind.Officer, Actor, "Phạm Văn D", "personal-data.read", "applicant", $"applicant-{i}"),
                new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.FromHours(7)).AddMinutes(i)));
        }
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        var first = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/audit?person={Actor}", UriKind.Relative)));
        var next = Regex.Match(first, "<a href=\"(?<href>[^\"]+)\" rel=\"next\"").Groups["href"].Value;
        var second = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(next, UriKind.Relative)));

        Assert.Equal($"/audit?person={Actor}&after={sequences[5]}", next);
        Assert.Equal(sequences.AsEnumerable().Reverse().Take(50), RowSequences(first));
        Assert.Equal(sequences.Take(5).Reverse(), RowSequences(second));
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_English_ShowsEnglishTexts()
    {
        using var client = await fixture.SignInAsync(fixture.AuditorId);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/audit?culture=en", UriKind.Relative)));

        Assert.Contains("<h1>Audit log</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Check integrity", html, StringComparison.Ordinal);
    }

    private static List<long> RowSequences(string html) =>
        [.. Regex.Matches(html, "data-sequence=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
}
