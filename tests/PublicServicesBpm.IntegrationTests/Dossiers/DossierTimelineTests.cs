using System.Net;
using PublicServicesBpm.IntegrationTests.Identity;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierTestData;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>The applicant's timeline (B8) through <c>/api/v1/dossiers/{id}/timeline</c>: plain words, internal steps for officers only.</summary>
public sealed class DossierTimelineTests(DossierFilesFixture fixture) : IClassFixture<DossierFilesFixture>
{
    [Fact]
    public async Task Timeline_Owner_PlainEntriesWithoutInternalSteps_OfficerSeesSteps()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(3, owner, HasInstance: true, Reason: "Không thuộc thẩm quyền."));
        await fixture.AddEventAsync(dossier.Id, ReceivedAt, "submitted");
        await fixture.AddEventAsync(dossier.Id, ReceivedAt, "status", new { from = 0 }, status: 1);
        await fixture.AddEventAsync(dossier.Id, ReceivedAt.AddHours(1), "step", new { task = "Tiếp nhận hồ sơ", outcome = "refuse" }, actorName: DossierFilesFixture.OneStopName);
        await fixture.AddEventAsync(dossier.Id, ReceivedAt.AddHours(1), "refusal", new { reason = "Không thuộc thẩm quyền." }, actorName: DossierFilesFixture.OneStopName);
        await fixture.AddEventAsync(dossier.Id, ReceivedAt.AddHours(1), "status", new { from = 1 }, status: 3);

        var entries = await TimelineAsync(applicant, dossier.Id);

        Assert.Equal(
            ["Hồ sơ đã được nộp trực tuyến, chờ cơ quan tiếp nhận", "Hồ sơ không được tiếp nhận"],
            entries.Select(e => e.Title));
        Assert.Equal("Lý do: Không thuộc thẩm quyền.", entries[1].Detail);
        using var officer = await fixture.OfficerAsync(fixture.OneStopId);
        var officers = await TimelineAsync(officer, dossier.Id);
        Assert.Contains(officers, e => e.Title == "Bước xử lý: Tiếp nhận hồ sơ");
    }

    [Fact]
    public async Task Timeline_SupplementAndResult_OneFullStopPerSentenceAndTheSignedResultNotTheStatusAgain()
    {
        var (owner, applicant) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(9, owner, HasInstance: true));
        await fixture.AddEventAsync(dossier.Id, ReceivedAt, "supplementation-requested", new
        {
            round = 1, items = new[] { new { componentCode = (string?)null, name = "Bản sao căn cước", reason = "Không đọc được số định danh." } },
            guidance = "Nộp lại bản sao rõ nét.",
        });
        await fixture.AddEventAsync(dossier.Id, ReceivedAt.AddHours(2), "status", new { from = 4 }, status: 9);
        await fixture.AddEventAsync(dossier.Id, ReceivedAt.AddHours(2), "result", new { number = "15/GCN-HKD", signer = "Chủ tịch", signedOn = "2026-11-27" });

        var entries = await TimelineAsync(applicant, dossier.Id);

        Assert.Equal("Bản sao căn cước: Không đọc được số định danh. Nộp lại bản sao rõ nét.", entries[0].Detail);
        Assert.Equal(["Đã có kết quả giải quyết", "Văn bản kết quả đã được ký"], entries.Skip(1).Select(e => e.Title));
    }

    [Fact]
    public async Task Timeline_SomeoneElsesDossier_Returns404()
    {
        var (owner, _) = await fixture.ApplicantAsync();
        var dossier = await fixture.AddDossierAsync(new DossierSeed(1, owner, HasInstance: true));
        var (_, stranger) = await fixture.ApplicantAsync("Phạm Văn Lạ");

        using var response = await stranger.GetAsync(new Uri($"/api/v1/dossiers/{dossier.Id}/timeline", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<List<(string Title, string? Detail)>> TimelineAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/dossiers/{id}/timeline", UriKind.Relative));
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        return [.. body.EnumerateArray().Select(e => (e.GetProperty("title").GetString()!, e.TryGetProperty("detail", out var d) ? d.GetString() : null))];
    }
}
