using System.Net;
using System.Text.Json;
using PublicServicesBpm.IntegrationTests.Identity;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierTestData;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>The public lookup by code and secret (P11, B8): what a stranger with the slip sees, and what they never see.</summary>
public sealed class PublicLookupTests(DossierFilesFixture fixture) : IClassFixture<DossierFilesFixture>
{
    [Fact]
    public async Task Lookup_RightSecret_StatusDatesAndPlainTimelineWithoutPersonalData()
    {
        var (code, _) = await SupplementedDossierAsync();
        using var anonymous = fixture.Anonymous();

        using var response = await anonymous.GetAsync(new Uri($"/api/v1/public/dossiers/{code}?secret={Secret}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(4, body.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("Đang xử lý", body.GetProperty("status").GetProperty("name").GetString());
        Assert.Equal(ReceivedAt, body.GetProperty("receivedAt").GetDateTimeOffset());
        var titles = Titles(body);
        Assert.Contains("Hồ sơ đã được tiếp nhận", titles);
        Assert.Contains("Cơ quan yêu cầu bổ sung giấy tờ: " + BirthCertificateName, titles);
        Assert.Contains("Ngày hẹn trả kết quả được dời đến 07/12/2026 do tạm dừng chờ bổ sung", titles);
        Assert.DoesNotContain(titles, t => t.StartsWith("Bước xử lý", StringComparison.Ordinal));
        // One entry for the request, not a second one for the status change it caused.
        Assert.Single(titles, t => t.StartsWith("Cơ quan yêu cầu bổ sung giấy tờ", StringComparison.Ordinal));
        foreach (var personal in new[] { DossierFilesFixture.ApplicantName, DossierFilesFixture.ApplicantIdNumber, DossierFilesFixture.ApplicantPhone,
            DossierFilesFixture.OneStopName, "Liễu Giai", "Tôi xin gửi lại bản chụp rõ", Secret })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lookup_WrongSecretOrWrongCode_SameNotFound()
    {
        var (code, _) = await SupplementedDossierAsync();
        using var anonymous = fixture.Anonymous();

        using var wrongSecret = await anonymous.GetAsync(new Uri($"/api/v1/public/dossiers/{code}?secret=K7Q2M9XB", UriKind.Relative));
        using var noSecret = await anonymous.GetAsync(new Uri($"/api/v1/public/dossiers/{code}", UriKind.Relative));
        using var wrongCode = await anonymous.GetAsync(new Uri($"/api/v1/public/dossiers/{DossierFilesFixture.Ward}-200101-0001?secret={Secret}", UriKind.Relative));

        var problems = new[]
        {
            await ApiAssert.ProblemAsync(wrongSecret, HttpStatusCode.NotFound),
            await ApiAssert.ProblemAsync(noSecret, HttpStatusCode.NotFound),
            await ApiAssert.ProblemAsync(wrongCode, HttpStatusCode.NotFound),
        };
        Assert.Single(problems.Select(p => p.GetProperty("detail").GetString()).Distinct());
    }

    [Fact]
    public async Task Lookup_SecretTypedInLowerCaseWithDash_Found()
    {
        var (code, _) = await SupplementedDossierAsync();
        using var anonymous = fixture.Anonymous();

        using var response = await anonymous.GetAsync(new Uri($"/api/v1/public/dossiers/{code}?secret=k7q2-m9xa", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Lookup_EnglishCulture_TimelineInEnglish()
    {
        var (code, _) = await SupplementedDossierAsync();
        using var anonymous = fixture.Anonymous();

        using var response = await anonymous.GetAsync(new Uri($"/api/v1/public/dossiers/{code}?secret={Secret}&culture=en", UriKind.Relative));
        var titles = Titles(await ApiAssert.JsonAsync(response, HttpStatusCode.OK));

        Assert.Contains("The dossier was received", titles);
        Assert.Contains("The appointment moved to 07/12/2026 after the pause for the supplement", titles);
    }

    /// <summary>A dossier received, asked for a supplement, supplemented, with an internal step in between.</summary>
    internal async Task<(string Code, Guid Id)> SupplementedDossierAsync()
    {
        var code = NewCode();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(4, Code: code));
        var at = ReceivedAt;
        await fixture.AddEventAsync(dossier.Id, at, "received-at-counter", actorName: DossierFilesFixture.OneStopName);
        await fixture.AddEventAsync(dossier.Id, at, "appointment", new { appointment = AppointmentAt, reason = "receipt" });
        await fixture.AddEventAsync(dossier.Id, at, "status", new { from = 0 }, status: 2);
        await fixture.AddEventAsync(dossier.Id, at.AddMinutes(1), "step", new { task = "Thẩm định hồ sơ", outcome = "request-supplement" }, actorName: DossierFilesFixture.OneStopName);
        await fixture.AddEventAsync(dossier.Id, at.AddMinutes(1), "supplementation-requested",
            new { round = 1, items = new[] { new { componentCode = BirthCertificate, reason = "Bản chụp bị mờ." } } }, actorName: "Lê Thu Hương");
        await fixture.AddEventAsync(dossier.Id, at.AddMinutes(1), "status", new { from = 4 }, status: 5);
        await fixture.AddEventAsync(dossier.Id, at.AddDays(2), "supplemented", new { round = 1, note = "Tôi xin gửi lại bản chụp rõ." });
        await fixture.AddEventAsync(dossier.Id, at.AddDays(2), "appointment",
            new { previous = AppointmentAt, appointment = new DateTimeOffset(2026, 12, 7, 9, 15, 0, Vietnam), reason = "supplement-pause", pausedMinutes = 960 });
        await fixture.AddEventAsync(dossier.Id, at.AddDays(2), "status", new { from = 5 }, status: 4);
        return (code, dossier.Id);
    }

    internal static List<string> Titles(JsonElement body) =>
        [.. body.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("title").GetString()!)];
}
