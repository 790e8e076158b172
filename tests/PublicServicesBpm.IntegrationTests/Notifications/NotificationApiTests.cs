using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.IntegrationTests.Notifications;

public sealed class NotificationApiTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task InAppApi_OfficerWithThreeNotifications_ListsNewestFirstCountsUnreadAndMarksRead()
    {
        var officer = await fixture.CreateOfficerAsync("inbox-" + Guid.NewGuid().ToString("N")[..8], "Lê Thị Thu");
        var recipient = new NotificationRecipient(RecipientKinds.Officer, officer.ToString("D"));
        await fixture.NotifyAsync(NotificationsFixture.Request(recipient, NotificationEvents.TaskAssigned));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await fixture.NotifyAsync(NotificationsFixture.Request(recipient, NotificationEvents.Reminder));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await fixture.NotifyAsync(NotificationsFixture.Request(recipient, NotificationEvents.Overdue));
        using var client = await fixture.SignInOfficerAsync(officer);

        var page = await GetAsync(client, "/api/v1/notifications?pageSize=2");
        Assert.Equal(3, await UnreadAsync(client));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["overdue", "reminder"], items.Select(i => i.GetProperty("event").GetString()));
        Assert.Equal("Quá hạn xử lý: hồ sơ H38.41-261130-0007 — Thẩm định hồ sơ", items[0].GetProperty("subject").GetString());
        Assert.StartsWith("Kính gửi đồng chí,", items[0].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001E", items[0].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, page.GetProperty("unreadCount").GetInt32());
        var secondPage = await GetAsync(client, "/api/v1/notifications?pageSize=2&page=2");
        Assert.Equal(["task-assigned"], secondPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("event").GetString()));

        using (var read = await client.PostAsync(new Uri($"/api/v1/notifications/{items[0].GetProperty("id").GetGuid()}/read", UriKind.Relative), content: null))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }
        Assert.Equal(2, await UnreadAsync(client));
        using (var again = await client.PostAsync(new Uri($"/api/v1/notifications/{items[0].GetProperty("id").GetGuid()}/read", UriKind.Relative), content: null))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }
        using var all = await client.PostAsync(new Uri("/api/v1/notifications/read-all", UriKind.Relative), content: null);
        Assert.Equal(2, (await ApiAssert.JsonAsync(all, HttpStatusCode.OK)).GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(client));
    }

    [Fact]
    public async Task InAppApi_Applicant_SeesOnlyTheirOwnAndAnotherPersonsIsNotFound()
    {
        var applicant = await fixture.CreateApplicantAsync("Trần Thị Bình");
        var other = await fixture.CreateOfficerAsync("other-" + Guid.NewGuid().ToString("N")[..8], "Phạm Văn Nam");
        await fixture.NotifyAsync(NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Applicant, applicant.ToString("D")), NotificationEvents.ResultReady));
        var othersRequest = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Officer, other.ToString("D")));
        await fixture.NotifyAsync(othersRequest);
        var othersId = await fixture.QueryAsync(db => db.Notifications.Where(n => n.DedupeKey == othersRequest.DedupeKey).Select(n => n.Id).SingleAsync());
        using var client = await fixture.SignInApplicantAsync(applicant);

        var page = await GetAsync(client, "/api/v1/notifications");
        using var foreign = await client.PostAsync(new Uri($"/api/v1/notifications/{othersId}/read", UriKind.Relative), content: null);
        using var missing = await client.PostAsync(new Uri($"/api/v1/notifications/{Guid.NewGuid()}/read", UriKind.Relative), content: null);

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Hồ sơ H38.41-261130-0007 đã có kết quả", item.GetProperty("subject").GetString());
        await ApiAssert.ProblemAsync(foreign, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Null(await fixture.QueryAsync(db => db.Notifications.Where(n => n.Id == othersId).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task List_BadPaging_IsAValidationProblem()
    {
        using var client = await fixture.SignInOfficerAsync(fixture.AdministratorId);

        using var response = await client.GetAsync(new Uri("/api/v1/notifications?page=0&pageSize=1000", UriKind.Relative));

        await ApiAssert.ValidationProblemAsync(response, "page", "pageSize");
    }

    [Fact]
    public async Task UnreadCount_Anonymous_IsRefusedWithoutData()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };

        using var response = await client.GetAsync(new Uri("/api/v1/notifications/unread-count", UriKind.Relative));

        // The participant policy challenges the citizen scheme too, which redirects to sign-in; either way, no data.
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Found, $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.DoesNotContain("count", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preferences_DefaultsThenSet_AreReadBack()
    {
        var applicant = await fixture.CreateApplicantAsync("Đỗ Thị Hoa");
        using var client = await fixture.SignInApplicantAsync(applicant);

        var defaults = await GetAsync(client, "/api/v1/notifications/preferences");
        using var put = await client.PutAsJsonAsync(new Uri("/api/v1/notifications/preferences", UriKind.Relative),
            new { email = true, sms = false, language = "en", mutedEvents = new[] { "payment-requested", "received" } });
        var saved = await ApiAssert.JsonAsync(put, HttpStatusCode.OK);
        var readBack = await GetAsync(client, "/api/v1/notifications/preferences");

        Assert.True(defaults.GetProperty("email").GetBoolean());
        Assert.True(defaults.GetProperty("sms").GetBoolean());
        Assert.Equal("vi-VN", defaults.GetProperty("language").GetString());
        Assert.True(defaults.GetProperty("emailAvailable").GetBoolean());
        Assert.True(defaults.GetProperty("smsAvailable").GetBoolean());
        Assert.Equal(NotificationEvents.All, defaults.GetProperty("events").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(saved.GetRawText(), readBack.GetRawText());
        Assert.False(readBack.GetProperty("sms").GetBoolean());
        Assert.Equal("en", readBack.GetProperty("language").GetString());
        Assert.Equal(["payment-requested", "received"], readBack.GetProperty("mutedEvents").EnumerateArray().Select(e => e.GetString()));
        var stored = await fixture.QueryAsync(db => db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.RecipientKind == RecipientKinds.Applicant && p.RecipientId == applicant.ToString("D")));
        Assert.Equal(fixture.Clock.GetUtcNow(), stored.UpdatedAt);
    }

    [Fact]
    public async Task Preferences_BadInput_IsAValidationProblemNamingEachField()
    {
        var officer = await fixture.CreateOfficerAsync("prefs-" + Guid.NewGuid().ToString("N")[..8], "Vũ Thị Lan");
        using var client = await fixture.SignInOfficerAsync(officer);

        using var response = await client.PutAsJsonAsync(new Uri("/api/v1/notifications/preferences", UriKind.Relative),
            new { sms = true, language = "fr", mutedEvents = new[] { "received", "no-such-event" } });
        using var notJson = await client.PutAsync(new Uri("/api/v1/notifications/preferences", UriKind.Relative), new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        await ApiAssert.ValidationProblemAsync(response, "email", "language", "mutedEvents");
        await ApiAssert.ProblemAsync(notJson, HttpStatusCode.BadRequest);
        Assert.False(await fixture.QueryAsync(db => db.NotificationPreferences.AnyAsync(p => p.RecipientId == officer.ToString("D"))));
    }

    [Fact]
    public async Task DeliveryLog_AdministratorFilters_OthersAreRefused()
    {
        var officer = await fixture.CreateOfficerAsync("log-" + Guid.NewGuid().ToString("N")[..8], "Bùi Văn Khánh", phone: "0912888999");
        var request = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Officer, officer.ToString("D")));
        await fixture.NotifyAsync(request);
        var id = await fixture.QueryAsync(db => db.Notifications.Where(n => n.DedupeKey == request.DedupeKey).Select(n => n.Id).SingleAsync());
        await fixture.DispatchAsync();
        using var administrator = await fixture.SignInOfficerAsync(fixture.AdministratorId);
        using var specialist = await fixture.SignInOfficerAsync(officer);

        var both = await GetAsync(administrator, $"/api/v1/notifications/deliveries?notificationId={id}");
        var smsOnly = await GetAsync(administrator, $"/api/v1/notifications/deliveries?notificationId={id}&channel=sms&outcome=sent");
        using var badFilter = await administrator.GetAsync(new Uri("/api/v1/notifications/deliveries?channel=fax&outcome=lost", UriKind.Relative));
        using var refused = await specialist.GetAsync(new Uri("/api/v1/notifications/deliveries", UriKind.Relative));

        Assert.Equal(["email", "sms"], both.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("channel").GetString()).Order());
        var sms = Assert.Single(smsOnly.GetProperty("items").EnumerateArray());
        Assert.Equal("0912888999", sms.GetProperty("address").GetString());
        await ApiAssert.ValidationProblemAsync(badFilter, "channel", "outcome");
        await ApiAssert.ProblemAsync(refused, HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await GetAsync(client, "/api/v1/notifications/unread-count")).GetProperty("count").GetInt32();
}
