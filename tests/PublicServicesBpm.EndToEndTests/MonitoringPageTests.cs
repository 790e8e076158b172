using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// The deadline monitoring page (<c>/workspace/theo-doi</c>, H8 and H26): near-due and overdue counts of the officer's
/// agencies by agency, procedure and officer. The stages are set in the database as the deadline monitor leaves them
/// (due time seen, stage, no next check), so the monitor's own runs on the host leave them alone.
/// </summary>
public sealed class MonitoringPageTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    /// <summary>UBND phường Lào Cai (seeded): another ward, whose counts the ward's officers must not see.</summary>
    private const string OtherWard = "000.21.31.H38";

    private const string Procedure = "cap-ban-sao-trich-luc-ho-tich";

    [Fact]
    public async Task MonitoringPage_OverdueAndNearDueOfOwnAgency_CountedByAgencyProcedureAndOfficer()
    {
        var (overdueId, _) = await fixture.ReceivedCivilStatusCopyAsync("Hà Văn Tùng");
        var (nearId, _) = await fixture.ReceivedCivilStatusCopyAsync("Sùng Thị Dợ");
        var (elsewhereId, _) = await fixture.ReceivedCivilStatusCopyAsync("Giàng A Páo");
        var now = DateTimeOffset.UtcNow;
        await SetStepAsync(overdueId, stage: 2, due: now.AddHours(-2), assignee: fixture.SpecialistId.ToString("D"));
        await SetStepAsync(nearId, stage: 1, due: now.AddHours(1), assignee: null);
        await SetStepAsync(elsewhereId, stage: 2, due: now.AddHours(-5), assignee: fixture.SpecialistId.ToString("D"));
        await SetDossierAsync(overdueId, stage: 2);
        // The third dossier belongs to another ward: nothing of it may be counted for this ward's officers.
        await fixture.QueryAsync(db => db.Dossiers.Where(d => d.Id == elsewhereId).ExecuteUpdateAsync(s => s.SetProperty(d => d.AgencyCode, OtherWard)));

        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, "/workspace/theo-doi");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Theo dõi hạn xử lý");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Theo dõi hạn xử lý" })).ToHaveAttributeAsync("aria-current", "page");
        await AssertRowsAsync(page, "monitoring-steps", (WorkspaceBrowserFixture.Ward, "UBND phường Cam Đường", 2, 1, 1));
        await AssertRowsAsync(page, "monitoring-dossiers", (WorkspaceBrowserFixture.Ward, "UBND phường Cam Đường", 2, 0, 1));
        var bar = page.GetByTestId("monitoring-steps").Locator("svg[role=img]");
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-label", "1 quá hạn, 1 sắp đến hạn trên tổng số 2");
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "workspace-monitoring-agency");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Nhóm theo" }).SelectOptionAsync("procedure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickToNavigateAsync(page, new Regex("by=procedure$"));
        await AssertRowsAsync(page, "monitoring-steps", (Procedure, "Cấp bản sao trích lục hộ tịch", 2, 1, 1));
        await AssertRowsAsync(page, "monitoring-dossiers", (Procedure, "Cấp bản sao trích lục hộ tịch", 2, 0, 1));
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Thủ tục" })).ToHaveCountAsync(2);

        await page.GotoAsync("/workspace/theo-doi?by=officer");
        await AssertRowsAsync(page, "monitoring-steps",
            (fixture.SpecialistId.ToString("D"), "Lê Thu Hương", 1, 0, 1),
            (string.Empty, "(chưa có người nhận)", 1, 1, 0));
        // Dossiers have no officer: they stay by agency.
        await AssertRowsAsync(page, "monitoring-dossiers", (WorkspaceBrowserFixture.Ward, "UBND phường Cam Đường", 2, 0, 1));
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "workspace-monitoring-officer");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);

        await page.SetViewportSizeAsync(375, 812);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
        await WorkspaceBrowserFixture.ScreenshotAsync(page, "workspace-monitoring-officer-375");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);

        // In English, procedures by their English names (agencies have none in the catalogue).
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/workspace/theo-doi?by=procedure&culture=en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Theo dõi hạn xử lý");
        await AssertRowsAsync(page, "monitoring-steps", (Procedure, "Copy of a civil-status extract", 2, 1, 1));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    /// <summary>The table's rows in order: key, name and the open, near-due and overdue counts.</summary>
    private static async Task AssertRowsAsync(IPage page, string table, params (string Key, string Name, int Open, int NearDue, int Overdue)[] expected)
    {
        var rows = page.GetByTestId(table).Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (key, name, open, nearDue, overdue) = expected[i];
            var row = rows.Nth(i);
            await Assertions.Expect(row).ToHaveAttributeAsync("data-key", key);
            await Assertions.Expect(row.Locator("th")).ToHaveTextAsync(name);
            await Assertions.Expect(row.Locator("td")).ToHaveTextAsync([Number(open), Number(nearDue), Number(overdue), string.Empty]);
        }
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The dossier's open step as the deadline monitor leaves it after marking <paramref name="stage"/> (1 near due, 2 overdue).</summary>
    private Task<int> SetStepAsync(Guid dossierId, short stage, DateTimeOffset due, string? assignee) => fixture.QueryAsync(async db =>
    {
        var instance = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.ProcessInstanceId).SingleAsync();
        return await db.UserTasks.Where(t => t.InstanceId == instance && t.Status == "open").ExecuteUpdateAsync(s => s
            .SetProperty(t => t.DueAt, due).SetProperty(t => t.SlaDueAt, due).SetProperty(t => t.SlaStage, stage)
            .SetProperty(t => t.SlaCheckAt, (DateTimeOffset?)null).SetProperty(t => t.Assignee, assignee));
    });

    private Task<int> SetDossierAsync(Guid dossierId, short stage) => fixture.QueryAsync(db => db.Dossiers.Where(d => d.Id == dossierId)
        .ExecuteUpdateAsync(s => s.SetProperty(d => d.SlaDueAt, d => d.AppointmentAt).SetProperty(d => d.SlaStage, stage).SetProperty(d => d.SlaCheckAt, (DateTimeOffset?)null)));
}
