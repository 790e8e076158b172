using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>Apology and new appointment (form 04) on the dossier page: the unit proposes, a leader approves or rejects.</summary>
public sealed class WorkspaceApologyTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Apology_SpecialistProposesLeaderApproves_AppointmentMovedAndSlip04Linked()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Bùi Văn Khánh");
        var appointment = await AppointmentAsync(id);
        var later = appointment.ToOffset(Vietnam).AddDays(2);
        var specialist = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}");
        var section = specialist.GetByTestId("apologies");
        await section.GetByLabel("Đơn vị để hồ sơ quá hạn").FillAsync("Bộ phận tư pháp - hộ tịch");
        await section.GetByLabel("Lý do quá hạn").FillAsync("Sổ hộ tịch gốc đang được phục chế tại Sở Tư pháp.");
        await section.GetByLabel("Ngày hẹn trả kết quả mới").FillAsync(later.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await specialist.GetByTestId("apology-propose").ClickAsync();

        await Assertions.Expect(specialist.GetByTestId("saved")).ToHaveTextAsync("Đã gửi đề xuất xin lỗi, hẹn lại.");
        await Assertions.Expect(specialist.GetByTestId("apology")).ToContainTextAsync("Chờ lãnh đạo duyệt");
        await Assertions.Expect(specialist.GetByTestId("apology-approve")).ToHaveCountAsync(0);
        await Assertions.Expect(specialist.GetByTestId("apology-propose")).ToHaveCountAsync(0);

        var leader = await fixture.SignedInPageAsync(fixture.UnitLeaderId, $"/workspace/dossiers/{id:D}");
        await leader.GetByLabel("Ý kiến của lãnh đạo (không bắt buộc)").FillAsync("Đồng ý, gửi phiếu xin lỗi cho công dân.");
        await leader.GetByTestId("apology-approve").ClickAsync();

        await Assertions.Expect(leader.GetByTestId("saved")).ToHaveTextAsync("Đã duyệt: ngày hẹn trả kết quả đã thay đổi.");
        await Assertions.Expect(leader.GetByTestId("apology")).ToContainTextAsync("Đã duyệt");
        await Assertions.Expect(leader.GetByTestId("appointment")).ToContainTextAsync(later.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        var slip = leader.GetByTestId("slips").GetByRole(AriaRole.Link, new() { Name = "Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả" });
        var pdf = await leader.APIRequest.GetAsync((await slip.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal(later.UtcDateTime, (await AppointmentAsync(id)).UtcDateTime);
    }

    [Fact]
    public async Task Apology_NewDateNotAfterAppointment_ShowsErrorAndStoresNothing()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Hoàng Thị Lan");
        var earlier = (await AppointmentAsync(id)).ToOffset(Vietnam).AddHours(-1);
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}");
        await page.GetByLabel("Đơn vị để hồ sơ quá hạn").FillAsync("Bộ phận tư pháp - hộ tịch");
        await page.GetByLabel("Lý do quá hạn").FillAsync("Chờ xác minh.");
        await page.GetByLabel("Ngày hẹn trả kết quả mới").FillAsync(earlier.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByTestId("apology-propose").ClickAsync();

        await Assertions.Expect(page.GetByTestId("apologies").GetByTestId("error-summary")).ToContainTextAsync("Ngày hẹn mới phải sau ngày hẹn hiện tại.");
        await Assertions.Expect(page.GetByLabel("Ngày hẹn trả kết quả mới")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, await fixture.QueryAsync(db => db.DossierApologies.CountAsync(a => a.DossierId == id)));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Apology_LeaderRejects_AppointmentUnchanged()
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Lò Văn Dũng");
        var appointment = await AppointmentAsync(id);
        await ProposeAsync(id, appointment.AddDays(1));
        var page = await fixture.SignedInPageAsync(fixture.DepartmentHeadId, $"/workspace/dossiers/{id:D}");

        await page.GetByTestId("apology-reject").ClickAsync();

        await Assertions.Expect(page.GetByTestId("apology")).ToContainTextAsync("Không được duyệt");
        Assert.Equal(appointment.UtcDateTime, (await AppointmentAsync(id)).UtcDateTime);
        await Assertions.Expect(page.GetByTestId("slips").GetByRole(AriaRole.Link, new() { Name = "Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả" })).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("", 1280, "workspace-apology-vi-desktop")]
    [InlineData("?culture=en", 1280, "workspace-apology-en-desktop")]
    [InlineData("", 375, "workspace-apology-vi-375")]
    public async Task DossierPage_ApologyAwaitingDecision_HasNoWcag21AaViolations(string query, int width, string screenshot)
    {
        var (id, _) = await fixture.ReceivedCivilStatusCopyAsync("Vũ Văn Nam");
        await ProposeAsync(id, (await AppointmentAsync(id)).AddDays(3));
        var page = await fixture.SignedInPageAsync(fixture.UnitLeaderId, $"/workspace/dossiers/{id:D}{query}", width);
        await Assertions.Expect(page.GetByTestId("apology-approve")).ToBeVisibleAsync();

        await page.GetByTestId("apologies").ScrollIntoViewIfNeededAsync();
        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }

    private Task<DateTimeOffset> AppointmentAsync(Guid id) =>
        fixture.QueryAsync(async db => (await db.Dossiers.Where(d => d.Id == id).Select(d => d.AppointmentAt).SingleAsync())!.Value);

    private async Task ProposeAsync(Guid id, DateTimeOffset newAppointment)
    {
        using var client = await fixture.ClientAsync(fixture.SpecialistId);
        using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/dossiers/{id}/apologies", UriKind.Relative),
            new { unit = "Bộ phận tư pháp - hộ tịch", reason = "Chờ kết quả xác minh của cơ quan khác.", newAppointmentAt = newAppointment }, WorkspaceBrowserFixture.Json);
        Assert.True(response.IsSuccessStatusCode, $"apologies: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
