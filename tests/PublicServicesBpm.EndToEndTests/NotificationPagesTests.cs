using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Persistence.Notifications;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// The officer's notifications in Chromium: the unread count in the header, the list (<c>/thong-bao</c>) newest first and
/// paged, marking one or all read, opening one, and the settings page (<c>/thong-bao/cai-dat</c>). Notifications are
/// written with the <see cref="Notifier"/>, as the relay and the deadline monitor write them. Each test has its own
/// officer, so the class's shared database does not mix their counts.
/// </summary>
public sealed class NotificationPagesTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    [Fact]
    public async Task NotificationsPage_MarkOneReadOpenOneThenAll_HeaderCountFollows()
    {
        var officer = await NewOfficerAsync("nhan-thong-bao");
        var (dossierId, code) = await fixture.ReceivedCivilStatusCopyAsync("Đỗ Thị Hạnh");
        var oldest = await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Officer, officer.ToString("D"), NotificationEvents.TaskAssigned, "HS-0001", "/workspace");
        var middle = await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Officer, officer.ToString("D"), NotificationEvents.Reminder, "HS-0002", "/workspace");
        var newest = await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Officer, officer.ToString("D"), NotificationEvents.Escalation, code, $"/workspace/dossiers/{dossierId:D}");
        var page = await fixture.SignedInPageAsync(officer, "/workspace");

        var headerLink = page.GetByTestId("notifications-link");
        await Assertions.Expect(headerLink).ToHaveTextAsync("Thông báo (3)");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thông báo, 3 chưa đọc" })).ToBeVisibleAsync();
        await headerLink.ClickAsync();
        await page.WaitForURLAsync(new Regex("/thong-bao$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thông báo của tôi");
        await Assertions.Expect(page.GetByTestId("unread-summary")).ToHaveTextAsync("Bạn có 3 thông báo chưa đọc.");
        var items = page.GetByTestId("notification");
        await Assertions.Expect(items).ToHaveCountAsync(3);
        await Assertions.Expect(items.Locator("h2")).ToContainTextAsync([newest.Subject, middle.Subject, oldest.Subject]);
        await Assertions.Expect(items.First).ToContainTextAsync(newest.Body);
        await Assertions.Expect(items.First).ToContainTextAsync("Báo cáo việc, hồ sơ quá hạn lên lãnh đạo");
        await Assertions.Expect(page.GetByTestId("unread-badge")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("unread-badge").First).ToHaveTextAsync("Chưa đọc");
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc: " + middle.Subject }).ClickToNavigateAsync(page, new Regex("saved=read$"));
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã đánh dấu thông báo là đã đọc.");
        await Assertions.Expect(headerLink).ToHaveTextAsync("Thông báo (2)");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thông báo, 2 chưa đọc" })).ToBeVisibleAsync();
        var marked = items.Filter(new() { HasText = middle.Subject });
        await Assertions.Expect(marked).ToHaveAttributeAsync("data-state", "read");
        await Assertions.Expect(marked).ToContainTextAsync("Đã đọc");
        await Assertions.Expect(marked.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        Assert.NotNull(await ReadAtAsync(middle.Id));
        Assert.Null(await ReadAtAsync(newest.Id));

        // Opening one marks it read and goes where it points.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở: " + newest.Subject }).ClickToNavigateAsync(page, new Regex($"/workspace/dossiers/{dossierId:D}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(code);
        await Assertions.Expect(page.GetByTestId("notifications-link")).ToHaveTextAsync("Thông báo (1)");
        Assert.NotNull(await ReadAtAsync(newest.Id));

        await page.GotoAsync("/thong-bao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu tất cả đã đọc" }).ClickToNavigateAsync(page, new Regex("saved=read-all$"));
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã đánh dấu tất cả thông báo là đã đọc.");
        await Assertions.Expect(page.GetByTestId("notifications-link")).ToHaveTextAsync("Thông báo");
        await Assertions.Expect(page.GetByTestId("notifications-link")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByTestId("unread-summary")).ToHaveTextAsync("Bạn không có thông báo chưa đọc.");
        await Assertions.Expect(page.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("mark-all-read")).ToHaveCountAsync(0);
        Assert.Equal(0, await fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == officer.ToString("D") && n.ReadAt == null)));
    }

    [Fact]
    public async Task NotificationsPage_MoreThanAPage_PagedNewestFirst()
    {
        var officer = await NewOfficerAsync("nhieu-thong-bao");
        var subjects = new List<string>();
        for (var i = 1; i <= 23; i++)
        {
            subjects.Add((await NotificationTestData.NotifyAsync(
                fixture.Host, RecipientKinds.Officer, officer.ToString("D"), NotificationEvents.Reminder, $"HS-{i:D4}", "/workspace")).Subject);
        }
        subjects.Reverse();
        var page = await fixture.SignedInPageAsync(officer, "/thong-bao");

        await Assertions.Expect(page.GetByTestId("notifications-link")).ToHaveTextAsync("Thông báo (23)");
        await Assertions.Expect(page.GetByTestId("notification").Locator("h2")).ToContainTextAsync([.. subjects.Take(20)]);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Trang trước" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Trang sau" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("page=2$"));
        await Assertions.Expect(page.GetByTestId("notification").Locator("h2")).ToContainTextAsync([.. subjects.Skip(20)]);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Trang sau" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Trang 2", new() { Exact = true })).ToBeVisibleAsync();
        // Marking one read on page 2 comes back to page 2.
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc: " + subjects[^1] }).ClickToNavigateAsync(page, new Regex("page=2&saved=read$"));
        await Assertions.Expect(page.GetByTestId("notifications-link")).ToHaveTextAsync("Thông báo (22)");
    }

    [Fact]
    public async Task SettingsPage_SaveChannelsLanguageAndAppOnlyEvents_SavedAndShownAgain()
    {
        var officer = await NewOfficerAsync("cai-dat-thong-bao");
        var page = await fixture.SignedInPageAsync(officer, "/thong-bao/cai-dat");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cài đặt thông báo");
        // The test host has no SMTP server; the SMS simulator is on.
        await Assertions.Expect(page.GetByTestId("email-availability")).ToContainTextAsync("chưa được cấu hình để gửi thư điện tử");
        await Assertions.Expect(page.GetByTestId("sms-availability")).ToHaveTextAsync("Hệ thống đang gửi được tin nhắn SMS.");
        await Assertions.Expect(page.GetByLabel("Qua thư điện tử")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Qua tin nhắn SMS")).ToBeCheckedAsync();
        // An officer chooses among the officers' events, named in words.
        await Assertions.Expect(page.GetByLabel("Việc sắp đến hạn")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Hồ sơ đã được tiếp nhận")).ToHaveCountAsync(0);

        await page.GetByLabel("Qua tin nhắn SMS").UncheckAsync();
        await page.GetByLabel("Ngôn ngữ của thông báo").SelectOptionAsync("en");
        await page.GetByLabel("Việc sắp đến hạn").CheckAsync();
        await page.GetByLabel("Việc quá hạn").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu cài đặt" }).ClickToNavigateAsync(page, new Regex("saved=1$"));

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã lưu cài đặt thông báo.");
        await Assertions.Expect(page.GetByLabel("Qua thư điện tử")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Qua tin nhắn SMS")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Ngôn ngữ của thông báo")).ToHaveValueAsync("en");
        await Assertions.Expect(page.GetByLabel("Việc sắp đến hạn")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Việc quá hạn")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Được giao việc")).Not.ToBeCheckedAsync();
        var saved = await PreferenceAsync(officer);
        Assert.Equal((true, false, "en"), (saved.Email, saved.Sms, saved.Culture));
        Assert.Equal(["overdue", "reminder"], saved.MutedEvents);
        // The notifier follows them: the next notification is written in English.
        var next = await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Officer, officer.ToString("D"), NotificationEvents.Reminder, "HS-0042", "/workspace");
        Assert.Equal(("en", "Reminder"), (next.Culture, next.Subject.Split(':')[0]));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SettingsPage_UnknownLanguageOrEvent_SaysSoAndKeepsTheChoices()
    {
        var officer = await NewOfficerAsync("cai-dat-sai");
        var page = await fixture.SignedInPageAsync(officer, "/thong-bao/cai-dat");
        // What a tampered form would send: a language and an event the system does not offer.
        await page.EvaluateAsync("""
            () => {
              const select = document.getElementById('pref-language');
              select.add(new Option('Français', 'fr'));
              select.value = 'fr';
              const box = document.getElementById('muted-reminder');
              box.value = 'tiep-nhan-gia';
              box.checked = true;
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu cài đặt" }).ClickAsync();

        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Hãy chọn ngôn ngữ: Tiếng Việt hoặc English.");
        await Assertions.Expect(summary).ToContainTextAsync("Không có loại thông báo này để chọn: tiep-nhan-gia.");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Hãy chọn ngôn ngữ: Tiếng Việt hoặc English." }))
            .ToHaveAttributeAsync("href", "thong-bao/cai-dat#pref-language");
        await Assertions.Expect(page.GetByLabel("Ngôn ngữ của thông báo")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveCountAsync(0);
        Assert.Null(await fixture.QueryAsync(db => db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.RecipientId == officer.ToString("D"))));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/thong-bao", "Thông báo của tôi", 1280, "notifications-vi-desktop")]
    [InlineData("/thong-bao?culture=en", "My notifications", 1280, "notifications-en-desktop")]
    [InlineData("/thong-bao", "Thông báo của tôi", 375, "notifications-vi-375")]
    [InlineData("/thong-bao/cai-dat", "Cài đặt thông báo", 1280, "notification-settings-vi-desktop")]
    [InlineData("/thong-bao/cai-dat?culture=en", "Notification settings", 1280, "notification-settings-en-desktop")]
    [InlineData("/thong-bao/cai-dat", "Cài đặt thông báo", 375, "notification-settings-vi-375")]
    public async Task NotificationPages_HaveNoWcag21AaViolations(string path, string heading, int width, string screenshot)
    {
        var officer = await NewOfficerAsync("a11y-" + screenshot);
        await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Officer, officer.ToString("D"), NotificationEvents.Overdue, "HS-0007", "/workspace");
        await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Officer, officer.ToString("D"), NotificationEvents.Reminder, "HS-0008", "/workspace");
        await fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientId == officer.ToString("D") && n.Event == NotificationEvents.Overdue)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, DateTimeOffset.UtcNow)));
        var page = await fixture.SignedInPageAsync(officer, path, width);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        if (path.Contains("culture=en", StringComparison.Ordinal))
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications, 1 unread" })).ToHaveTextAsync("Notifications (1)");
        }
        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }

    private Task<Guid> NewOfficerAsync(string userName) =>
        TestOfficers.CreateAsync(fixture.Host, userName, "Cán bộ " + userName, OfficerRole.Specialist, WorkspaceBrowserFixture.Ward);

    private Task<DateTimeOffset?> ReadAtAsync(Guid id) => fixture.QueryAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync());

    private Task<NotificationPreference> PreferenceAsync(Guid officer) =>
        fixture.QueryAsync(db => db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.RecipientKind == RecipientKinds.Officer && p.RecipientId == officer.ToString("D")));
}

/// <summary>
/// The citizen's notifications in Chromium: the header count on the portal, their own list only (not an officer's),
/// marking all read, the settings with the applicants' events; axe-core and 375 px on each page.
/// </summary>
public sealed class CitizenNotificationPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task NotificationsPage_Citizen_SeesOwnNotificationsOnly()
    {
        var personalId = await fixture.CreateCitizenAsync("Lò Thị Xuân");
        var page = await fixture.NewPageAsync();
        await PortalFixture.SignInAsync(page, personalId, "/portal/ho-so");
        var applicantId = await QueryAsync(db => db.ApplicantProfiles.Where(p => p.PersonalIdNumber == personalId).Select(p => p.Id).SingleAsync());
        var officer = await TestOfficers.CreateAsync(fixture.Host, "can-bo-thong-bao", "Cán bộ thông báo", OfficerRole.Specialist, PortalFixture.Ward);
        var received = await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Applicant, applicantId.ToString("D"), NotificationEvents.Received, "CD-0001", "/portal/ho-so");
        var ready = await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Applicant, applicantId.ToString("D"), NotificationEvents.ResultReady, "CD-0002", "/portal/ho-so");
        var officers = await NotificationTestData.NotifyAsync(fixture.Host, RecipientKinds.Officer, officer.ToString("D"), NotificationEvents.Reminder, "CD-0003", "/workspace");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thông báo, 2 chưa đọc" })).ToHaveTextAsync("Thông báo (2)");
        await page.GetByTestId("notifications-link").ClickAsync();
        await page.WaitForURLAsync(new Regex("/thong-bao$"));

        var items = page.GetByTestId("notification");
        await Assertions.Expect(items.Locator("h2")).ToContainTextAsync([ready.Subject, received.Subject]);
        await Assertions.Expect(page.GetByText(officers.Subject)).ToHaveCountAsync(0);
        await PortalPages.CheckAsync(page, "notifications");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu tất cả đã đọc" }).ClickToNavigateAsync(page, new Regex("saved=read-all$"));
        await Assertions.Expect(page.GetByTestId("notifications-link")).ToHaveTextAsync("Thông báo");
        Assert.Equal(0, await QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == applicantId.ToString("D") && n.ReadAt == null)));
        // The officer's stays unread: "all" is all of mine.
        Assert.Null(await QueryAsync(db => db.Notifications.Where(n => n.Id == officers.Id).Select(n => n.ReadAt).SingleAsync()));

        await page.GetByRole(AriaRole.Link, new() { Name = "Cài đặt thông báo" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/thong-bao/cai-dat$"));
        await Assertions.Expect(page.GetByLabel("Hồ sơ đã được tiếp nhận")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Việc sắp đến hạn")).ToHaveCountAsync(0);
        await page.GetByLabel("Qua thư điện tử").UncheckAsync();
        await page.GetByLabel("Đã có kết quả").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu cài đặt" }).ClickToNavigateAsync(page, new Regex("saved=1$"));
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        var preference = await QueryAsync(db => db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.RecipientId == applicantId.ToString("D")));
        Assert.Equal((RecipientKinds.Applicant, false, true), (preference.RecipientKind, preference.Email, preference.Sms));
        Assert.Equal(["result-ready"], preference.MutedEvents);
        await PortalPages.CheckAsync(page, "notification-settings");
    }

    [Fact]
    public async Task NotificationsPage_NotSignedIn_CitizenSignInThenBackToTheList()
    {
        var personalId = await fixture.CreateCitizenAsync("Vàng Seo Dìn");
        var page = await fixture.NewPageAsync();

        // Both kinds of reader are challenged; the citizen's sign-in (the identity provider) is the one that answers.
        await PortalFixture.SignInAsync(page, personalId, "/thong-bao");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thông báo của tôi");
        await Assertions.Expect(page.GetByTestId("no-notifications")).ToHaveTextAsync("Bạn chưa có thông báo nào.");
        await Assertions.Expect(page.GetByTestId("notifications-link")).ToHaveTextAsync("Thông báo");
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>Writes notifications the way the relay and the deadline monitor do: through the <see cref="Notifier"/>.</summary>
internal static class NotificationTestData
{
    /// <summary>One notification (its own dedupe key) to the recipient; returns the row written.</summary>
    public static async Task<NotificationRecord> NotifyAsync(TestHost host, string kind, string recipientId, string notificationEvent, string code, string link)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var values = new Dictionary<string, string>
        {
            ["code"] = code, ["procedure"] = "Cấp bản sao trích lục hộ tịch", ["step"] = "Thẩm định hồ sơ", ["dueAt"] = "15/12/2026 16:30",
            ["appointment"] = "16/12/2026 16:30", ["newAppointment"] = "18/12/2026 16:30", ["agency"] = "UBND phường Cam Đường",
            ["applicant"] = "Đỗ Thị Hạnh", ["officer"] = "Lê Thu Hương",
        };
        var dedupe = $"test:{Guid.NewGuid():N}";
        var written = await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(
            [new NotificationRequest(new NotificationRecipient(kind, recipientId), notificationEvent, values, link, null, dedupe)], CancellationToken.None);
        Assert.Equal(1, written);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.DedupeKey == dedupe);
    }
}
