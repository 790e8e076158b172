using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.IntegrationTests.Notifications;

public sealed class NotificationDispatcherTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static readonly TimeSpan PastTheLease = new NotificationOptions().Lease + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Dispatch_Email_TheSmtpServerReceivesItWithAStableMessageId()
    {
        var applicant = await fixture.CreateApplicantAsync("Nguyễn Minh An", email: "minh.an@example.vn", phone: null);
        var dossierId = Guid.CreateVersion7();
        var id = await NotifyAsync(new NotificationRecipient(RecipientKinds.Applicant, applicant.ToString("D")), dossierId: dossierId);

        await fixture.DispatchAsync();

        var mail = Assert.Single(MailsOf(id));
        Assert.Equal("minh.an@example.vn", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("no-reply@laocai.gov.vn", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("Cổng dịch vụ công Lào Cai", mail.From.Mailboxes.Single().Name);
        Assert.Equal("Hồ sơ H38.41-261130-0007 đã được tiếp nhận", mail.Subject);
        var text = mail.TextBody;
        Assert.NotNull(text);
        Assert.StartsWith("Kính gửi Ông/Bà Nguyễn Minh An,", text, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Kim Tân đã tiếp nhận hồ sơ H38.41-261130-0007 về thủ tục Đăng ký hộ kinh doanh.", text, StringComparison.Ordinal);
        Assert.EndsWith($"https://dichvucong.laocai.gov.vn/portal/ho-so/{dossierId:D}", text.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal($"{id:D}@publicservicesbpm", mail.MessageId);
        var row = await RowAsync(id);
        Assert.Equal(NotificationRecord.DoneState, row.DispatchState);
        Assert.Empty(row.PendingChannels);
        Assert.Null(row.NextAttemptAt);
        var attempt = Assert.Single(await AttemptsAsync(id));
        Assert.Equal(("email", 1, "sent", "minh.an@example.vn"), (attempt.Channel, attempt.Attempt, attempt.Outcome, attempt.Address));
    }

    [Fact]
    public async Task Dispatch_Sms_TheSimulatorReceivesItOverHttp()
    {
        var applicant = await fixture.CreateApplicantAsync("Trần Thị Bình", email: null, phone: "0987123456");
        var id = await NotifyAsync(new NotificationRecipient(RecipientKinds.Applicant, applicant.ToString("D")), NotificationEvents.SupplementRequested);

        await fixture.DispatchAsync();

        var sms = Assert.Single(fixture.Services.GetRequiredService<SmsSimulatorInbox>().Messages, m => m.ClientRef == id.ToString("D"));
        Assert.Equal("0987123456", sms.To);
        Assert.Equal(NotificationTemplates.Render(NotificationEvents.SupplementRequested, "vi-VN", NotificationsFixture.SampleValues).Sms, sms.Text);
        var attempt = Assert.Single(await AttemptsAsync(id));
        Assert.Equal(("sms", "sent", sms.MessageId), (attempt.Channel, attempt.Outcome, attempt.Detail));
        Assert.Equal(NotificationRecord.DoneState, (await RowAsync(id)).DispatchState);
    }

    [Fact]
    public async Task SmsSimulator_SameClientRefTwice_AnswersTheSameMessageId_AndRefusesAWrongKey()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        var key = fixture.Services.GetRequiredService<SmsApiKey>().Value;
        var clientRef = Guid.NewGuid().ToString("D");

        var first = await SendSmsAsync(client, key, new SmsSendRequest("+84912000222", "Thử nghiệm", clientRef));
        var second = await SendSmsAsync(client, key, new SmsSendRequest("+84912000222", "Thử nghiệm", clientRef));
        using var wrongKey = await PostSmsAsync(client, "not-the-key", new SmsSendRequest("+84912000222", "Thử nghiệm", Guid.NewGuid().ToString("D")));
        using var badNumber = await PostSmsAsync(client, key, new SmsSendRequest("12345", "Thử nghiệm", Guid.NewGuid().ToString("D")));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Single(fixture.Services.GetRequiredService<SmsSimulatorInbox>().Messages, m => m.ClientRef == clientRef);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badNumber.StatusCode);
    }

    [Fact]
    public async Task Dispatch_SmtpRefuses_FailsThenRetriesAfter1And5And25And125Minutes_ThenGivesUp()
    {
        var id = await NotifyAsync(await EmailOnlyOfficerAsync());
        fixture.Smtp.Failing = true;
        try
        {
            await fixture.DispatchAsync();
            var afterFirst = await RowAsync(id);
            Assert.Equal(fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), afterFirst.NextAttemptAt);
            await fixture.DispatchAsync();
            Assert.Single(await AttemptsAsync(id));

            foreach (var minutes in new[] { 1, 5, 25, 125 })
            {
                fixture.Clock.Advance(TimeSpan.FromMinutes(minutes));
                await fixture.DispatchAsync();
            }
        }
        finally
        {
            fixture.Smtp.Failing = false;
        }

        var attempts = await AttemptsAsync(id);
        Assert.Equal(["failed", "failed", "failed", "failed", "gave-up"], attempts.Select(a => a.Outcome));
        Assert.Equal([1, 2, 3, 4, 5], attempts.Select(a => a.Attempt));
        var row = await RowAsync(id);
        Assert.Equal(NotificationRecord.DoneState, row.DispatchState);
        Assert.Empty(row.PendingChannels);
        Assert.Empty(MailsOf(id));
    }

    [Fact]
    public async Task Dispatch_SmtpFailsOnce_SendsOnTheRetry()
    {
        var id = await NotifyAsync(await EmailOnlyOfficerAsync());
        fixture.Smtp.Failing = true;
        await fixture.DispatchAsync();
        fixture.Smtp.Failing = false;

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await fixture.DispatchAsync();

        Assert.Equal(["failed", "sent"], (await AttemptsAsync(id)).Select(a => a.Outcome));
        Assert.Single(MailsOf(id));
        Assert.Equal(NotificationRecord.DoneState, (await RowAsync(id)).DispatchState);
    }

    [Fact]
    public async Task Dispatch_CrashMidBatch_AfterTheLeaseEachEmailArrivesExactlyOnce()
    {
        var recipient = await EmailOnlyOfficerAsync();
        Guid[] ids = [await NotifyAsync(recipient), await NotifyAsync(recipient), await NotifyAsync(recipient)];
        using var crash = new CancellationTokenSource();
        var sender = new CrashingEmailSender(fixture.Services.GetRequiredService<IEmailSender>(), crash, crashOnCall: 2, afterSending: false);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DispatchWithAsync(sender, crash.Token));

        Assert.Equal(1, ids.Sum(id => MailsOf(id).Count));
        Assert.Equal(0, await fixture.DispatchAsync());
        fixture.Clock.Advance(PastTheLease);
        await fixture.DispatchAsync();
        await fixture.DispatchAsync();
        Assert.All(ids, id => Assert.Single(MailsOf(id)));
        foreach (var id in ids)
        {
            Assert.Equal(["sent"], (await AttemptsAsync(id)).Select(a => a.Outcome));
        }
    }

    [Fact]
    public async Task Dispatch_CrashAfterTheServerAcceptedBeforeTheCommit_ResendsThatOneWithTheSameMessageId()
    {
        var id = await NotifyAsync(await EmailOnlyOfficerAsync());
        using var crash = new CancellationTokenSource();
        var sender = new CrashingEmailSender(fixture.Services.GetRequiredService<IEmailSender>(), crash, crashOnCall: 1, afterSending: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DispatchWithAsync(sender, crash.Token));
        fixture.Clock.Advance(PastTheLease);
        await fixture.DispatchAsync();
        await fixture.DispatchAsync();

        // At least once, never lost: the one mail in flight went twice, recognisably the same mail.
        var mails = MailsOf(id);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal($"{id:D}@publicservicesbpm", m.MessageId));
        Assert.Equal(["sent"], (await AttemptsAsync(id)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task Dispatch_TwoDispatchersAtOnce_SendEachEmailOnce()
    {
        var recipient = await EmailOnlyOfficerAsync();
        var requests = Enumerable.Range(0, 24).Select(_ => NotificationsFixture.Request(recipient)).ToArray();
        await fixture.NotifyAsync(requests);
        var ids = await fixture.QueryAsync(db => db.Notifications.Where(n => requests.Select(r => r.DedupeKey).Contains(n.DedupeKey)).Select(n => n.Id).ToListAsync());

        var claimed = await Task.WhenAll(Task.Run(fixture.DispatchAsync), Task.Run(fixture.DispatchAsync));

        Assert.Equal(24, ids.Count);
        Assert.Equal(24, claimed.Sum());
        Assert.All(ids, id => Assert.Single(MailsOf(id)));
        Assert.Equal(24, await fixture.QueryAsync(db => db.DeliveryAttempts.CountAsync(a => ids.Contains(a.NotificationId) && a.Outcome == "sent")));
    }

    private async Task<int> DispatchWithAsync(IEmailSender sender, CancellationToken cancellationToken)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var dispatcher = ActivatorUtilities.CreateInstance<NotificationDispatcher>(scope.ServiceProvider, sender);
        return await dispatcher.DispatchBatchAsync(cancellationToken);
    }

    private async Task<NotificationRecipient> EmailOnlyOfficerAsync()
    {
        var officer = await fixture.CreateOfficerAsync("mail-" + Guid.NewGuid().ToString("N")[..10], "Hoàng Văn Em", phone: null);
        return new NotificationRecipient(RecipientKinds.Officer, officer.ToString("D"));
    }

    private async Task<Guid> NotifyAsync(NotificationRecipient recipient, string notificationEvent = NotificationEvents.Received, Guid? dossierId = null)
    {
        var request = NotificationsFixture.Request(recipient, notificationEvent, dossierId: dossierId);
        Assert.Equal(1, await fixture.NotifyAsync(request));
        return await fixture.QueryAsync(db => db.Notifications.Where(n => n.DedupeKey == request.DedupeKey).Select(n => n.Id).SingleAsync());
    }

    private List<MimeMessage> MailsOf(Guid id) => [.. fixture.Smtp.Received.Where(m => m.MessageId == $"{id:D}@publicservicesbpm")];

    private Task<NotificationRecord> RowAsync(Guid id) => fixture.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));

    private Task<List<DeliveryAttempt>> AttemptsAsync(Guid id) =>
        fixture.QueryAsync(db => db.DeliveryAttempts.AsNoTracking().Where(a => a.NotificationId == id).OrderBy(a => a.Id).ToListAsync());

    private static async Task<SmsSendResponse> SendSmsAsync(HttpClient client, string key, SmsSendRequest request)
    {
        using var response = await PostSmsAsync(client, key, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SmsSendResponse>())!;
    }

    private static async Task<HttpResponseMessage> PostSmsAsync(HttpClient client, string key, SmsSendRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/simulators/sms/sms/send", UriKind.Relative)) { Content = JsonContent.Create(request) };
        message.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(message);
    }

    /// <summary>
    /// Stands for the process dying during a run: on call <c>crashOnCall</c> it stops the run (cancels its token and
    /// throws), either before handing the mail to the server or right after the server accepted it.
    /// </summary>
    private sealed class CrashingEmailSender(IEmailSender inner, CancellationTokenSource run, int crashOnCall, bool afterSending) : IEmailSender
    {
        private int _calls;

        public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) != crashOnCall)
            {
                return await inner.SendAsync(message, cancellationToken);
            }
            if (afterSending)
            {
                await inner.SendAsync(message, cancellationToken);
            }
            await run.CancelAsync();
            throw new OperationCanceledException(run.Token);
        }
    }
}
