using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.IntegrationTests.Notifications;

public sealed class NotifierTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task NotifyAsync_SameDedupeKeyTwice_WritesOneRow()
    {
        var officer = await fixture.CreateOfficerAsync("dedupe-" + Guid.NewGuid().ToString("N")[..8], "Lê Thị Thu");
        var recipient = new NotificationRecipient(RecipientKinds.Officer, officer.ToString("D"));
        var key = "sla:task:" + Guid.NewGuid() + ":near-due:" + officer;

        var first = await fixture.NotifyAsync(NotificationsFixture.Request(recipient, NotificationEvents.Reminder, key), NotificationsFixture.Request(recipient, NotificationEvents.Reminder, key));
        var second = await fixture.NotifyAsync(NotificationsFixture.Request(recipient, NotificationEvents.Reminder, key));

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal(1, await fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.DedupeKey == key)));
    }

    [Fact]
    public async Task NotifyAsync_RolledBackTransaction_WritesNothing()
    {
        var officer = await fixture.CreateOfficerAsync("rollback-" + Guid.NewGuid().ToString("N")[..8], "Lê Văn Hùng");
        var request = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Officer, officer.ToString("D")));
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([request], CancellationToken.None));
            await transaction.RollbackAsync();
        }

        Assert.False(await fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.DedupeKey == request.DedupeKey)));
    }

    [Fact]
    public async Task NotifyAsync_OfficerWithoutPreferences_VietnameseOnEmailAndSmsFromTheAccount()
    {
        var userName = "defaults-" + Guid.NewGuid().ToString("N")[..8];
        var officer = await fixture.CreateOfficerAsync(userName, "Lê Thị Thu", phone: "0912345678");
        var request = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Officer, officer.ToString("D")), NotificationEvents.TaskAssigned);

        await fixture.NotifyAsync(request);

        var row = await SingleAsync(request.DedupeKey);
        Assert.Equal("vi-VN", row.Culture);
        Assert.Equal("Công việc mới: Thẩm định hồ sơ — hồ sơ H38.41-261130-0007", row.Subject);
        Assert.Equal(userName + "@laocai.gov.vn", row.Email);
        Assert.Equal("0912345678", row.Phone);
        Assert.Equal(["email", "sms"], row.PendingChannels);
        Assert.Equal(NotificationRecord.PendingState, row.DispatchState);
        Assert.Null(row.NextAttemptAt);
        Assert.Equal(fixture.Clock.GetUtcNow(), row.CreatedAt);
    }

    [Fact]
    public async Task NotifyAsync_MutedEvent_InTheAppOnly()
    {
        var officer = await fixture.CreateOfficerAsync("muted-" + Guid.NewGuid().ToString("N")[..8], "Phạm Văn Nam");
        await SetPreferenceAsync(RecipientKinds.Officer, officer.ToString("D"), p => p.MutedEvents = [NotificationEvents.Reminder]);
        var recipient = new NotificationRecipient(RecipientKinds.Officer, officer.ToString("D"));
        var muted = NotificationsFixture.Request(recipient, NotificationEvents.Reminder);
        var other = NotificationsFixture.Request(recipient, NotificationEvents.Overdue);

        Assert.Equal(2, await fixture.NotifyAsync(muted, other));

        var mutedRow = await SingleAsync(muted.DedupeKey);
        Assert.Empty(mutedRow.PendingChannels);
        Assert.Equal(NotificationRecord.DoneState, mutedRow.DispatchState);
        Assert.Equal(["email", "sms"], (await SingleAsync(other.DedupeKey)).PendingChannels);
    }

    [Fact]
    public async Task NotifyAsync_SmsTurnedOffAndEnglish_EmailOnlyInEnglish()
    {
        var applicant = await fixture.CreateApplicantAsync("Trần Thị Bình", email: "binh@example.vn", phone: "0987000111");
        await SetPreferenceAsync(RecipientKinds.Applicant, applicant.ToString("D"), p =>
        {
            p.Sms = false;
            p.Culture = "en";
        });
        var request = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Applicant, applicant.ToString("D")), NotificationEvents.ResultReady);

        await fixture.NotifyAsync(request);

        var row = await SingleAsync(request.DedupeKey);
        Assert.Equal(["email"], row.PendingChannels);
        Assert.Equal("en", row.Culture);
        Assert.Equal("The result of dossier H38.41-261130-0007 is ready", row.Subject);
        Assert.Equal("binh@example.vn", row.Email);
    }

    [Fact]
    public async Task NotifyAsync_ApplicantWithoutAddresses_FallsBackToTheDossierContact()
    {
        var applicant = await fixture.CreateApplicantAsync("Đỗ Văn Cường", email: null, phone: null);
        var request = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Applicant, applicant.ToString("D"), ContactPhone: "0915222333"));

        await fixture.NotifyAsync(request);

        var row = await SingleAsync(request.DedupeKey);
        Assert.Null(row.Email);
        Assert.Equal("0915222333", row.Phone);
        Assert.Equal(["sms"], row.PendingChannels);
    }

    [Fact]
    public async Task NotifyAsync_WalkInContact_UsesTheDossierContactData()
    {
        var dossierId = Guid.CreateVersion7();
        var request = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Contact, dossierId.ToString("D"), "walk.in@example.vn", "0916333444"), dossierId: dossierId);

        await fixture.NotifyAsync(request);

        var row = await SingleAsync(request.DedupeKey);
        Assert.Equal(("walk.in@example.vn", "0916333444"), (row.Email, row.Phone));
        Assert.Equal(dossierId, row.DossierId);
    }

    [Fact]
    public async Task NotifyAsync_NoSmtpHostConfigured_EmailIsNotAChannel()
    {
        var officer = await fixture.CreateOfficerAsync("no-smtp-" + Guid.NewGuid().ToString("N")[..8], "Vũ Thị Lan");
        var request = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Officer, officer.ToString("D")));
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var withoutSmtp = Options.Create(new NotificationOptions());
            var notifier = new Notifier(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<NotificationAddressBook>(), withoutSmtp, fixture.Clock);
            await notifier.NotifyAsync([request], CancellationToken.None);
        }

        var row = await SingleAsync(request.DedupeKey);
        Assert.Equal(["sms"], row.PendingChannels);
        Assert.Null(row.Email);
    }

    [Fact]
    public async Task NotifyAsync_UnknownEvent_Throws()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var request = NotificationsFixture.Request(new NotificationRecipient(RecipientKinds.Officer, Guid.NewGuid().ToString("D")), "no-such-event");

        await Assert.ThrowsAsync<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([request], CancellationToken.None));
    }

    private Task<NotificationRecord> SingleAsync(string dedupeKey) =>
        fixture.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.DedupeKey == dedupeKey));

    private async Task SetPreferenceAsync(string kind, string id, Action<NotificationPreference> change)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var preference = new NotificationPreference { RecipientKind = kind, RecipientId = id, UpdatedAt = fixture.Clock.GetUtcNow() };
        change(preference);
        db.NotificationPreferences.Add(preference);
        await db.SaveChangesAsync();
    }
}
