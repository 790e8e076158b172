using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>
/// Sends the outbox's notifications on their pending channels (email, SMS). A batch is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and leased (<c>next_attempt_at</c> = now + <see cref="NotificationOptions.Lease"/>) in one
/// short commit, so several hosts never take the same notification; each send is then recorded — a delivery attempt and
/// the channel removed — in its own commit right after it, so a crash re-sends at most the one message in flight, and
/// only once the lease has ended. Failures are retried after 1, 5, 25… minutes and given up after
/// <see cref="NotificationOptions.MaxAttempts"/>.
/// </summary>
internal sealed class NotificationDispatcher(
    NpgsqlDataSource dataSource, IEmailSender email, ISmsGateway sms, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>Claims and sends one batch; returns how many notifications it claimed (0: nothing is due).</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var claimed = await ClaimAsync(Math.Clamp(settings.BatchSize, 1, 1000), settings.Lease, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var attempts = await AttemptCountsAsync([.. claimed.Select(c => c.Id)], cancellationToken);
        foreach (var notification in claimed)
        {
            DateTimeOffset? retryAt = null;
            foreach (var channel in notification.PendingChannels)
            {
                var attempt = attempts.GetValueOrDefault((notification.Id, channel)) + 1;
                retryAt = await SendAsync(notification, channel, attempt, settings, retryAt, cancellationToken);
            }
        }
        return claimed.Count;
    }

    /// <summary>Sends one channel and records the outcome; returns the earliest retry time of the notification so far.</summary>
    private async Task<DateTimeOffset?> SendAsync(Claimed notification, string channel, int attempt, NotificationOptions settings, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var address = channel == NotificationChannels.Email ? notification.Email : notification.Phone;
        string outcome;
        string detail;
        try
        {
            detail = address is null ? throw new PermanentDeliveryException($"No address for {channel}.") : await SendOnAsync(notification, channel, address, settings, cancellationToken);
            outcome = DeliveryOutcomes.Sent;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: nothing is recorded; the lease runs out and a host sends it then.
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Every failure of the other system (refusal, timeout, unreachable) is an attempt in the log.
            var final = exception is PermanentDeliveryException || attempt >= Math.Max(1, settings.MaxAttempts);
            outcome = final ? DeliveryOutcomes.GaveUp : DeliveryOutcomes.Failed;
            detail = exception.GetType().Name + ": " + exception.Message;
            logger.LogWarning("Notification {NotificationId} {Channel} attempt {Attempt} {Outcome}: {Reason}", notification.Id, channel, attempt, outcome, exception.Message);
        }
        var now = clock.GetUtcNow();
        if (outcome == DeliveryOutcomes.Failed)
        {
            var next = now + NotificationOptions.Backoff(attempt);
            retryAt = retryAt is { } earlier && earlier < next ? earlier : next;
        }
        // Not the caller's token: a send that happened must be recorded even while the host stops.
        await RecordAsync(notification.Id, channel, attempt, now, outcome, address, detail, retryAt, CancellationToken.None);
        return retryAt;
    }

    private async Task<string> SendOnAsync(Claimed notification, string channel, string address, NotificationOptions settings, CancellationToken cancellationToken)
    {
        var body = notification.Body;
        if (channel == NotificationChannels.Sms)
        {
            return await sms.SendAsync(new SmsMessage(address, notification.SmsText, notification.Id.ToString("D")), cancellationToken);
        }
        if (settings.PublicBaseUrl is { } site && notification.Link is { Length: > 0 } link)
        {
            body += "\n\n" + new Uri(site, link).AbsoluteUri;
        }
        return await email.SendAsync(new EmailMessage(notification.Id, address, notification.Subject, body), cancellationToken);
    }

    private async Task<List<Claimed>> ClaimAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            UPDATE app.notifications n SET next_attempt_at = @lease_until
            FROM (SELECT id FROM app.notifications
                  WHERE dispatch_state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @now) AND cardinality(pending_channels) > 0
                  ORDER BY next_attempt_at NULLS FIRST, id
                  LIMIT @batch
                  FOR UPDATE SKIP LOCKED) due
            WHERE n.id = due.id
            RETURNING n.id, n.subject, n.body, n.sms_text, n.link, n.email, n.phone, n.pending_channels
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", NpgsqlDbType.TimestampTz) { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("lease_until", NpgsqlDbType.TimestampTz) { TypedValue = now + lease });
        command.Parameters.Add(new NpgsqlParameter<int>("batch", NpgsqlDbType.Integer) { TypedValue = batchSize });
        var claimed = new List<Claimed>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new Claimed(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<string[]>(7)));
        }
        return [.. claimed.OrderBy(c => c.Id)];
    }

    private async Task<Dictionary<(Guid, string), int>> AttemptCountsAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT notification_id, channel, count(*)::int FROM app.delivery_attempts WHERE notification_id = ANY(@ids) GROUP BY notification_id, channel");
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids });
        var counts = new Dictionary<(Guid, string), int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(reader.GetGuid(0), reader.GetString(1))] = reader.GetInt32(2);
        }
        return counts;
    }

    /// <summary>
    /// One statement, so one commit: the attempt in the log and, when the channel is finished (sent or given up), the
    /// channel off the pending list — the notification done when none is left; after a failure, the retry time.
    /// </summary>
    private async Task RecordAsync(Guid id, string channel, int attempt, DateTimeOffset at, string outcome, string? address, string detail, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH changed AS (
                UPDATE app.notifications SET
                    pending_channels = CASE WHEN @finished THEN array_remove(pending_channels, @channel) ELSE pending_channels END,
                    dispatch_state = CASE WHEN @finished AND cardinality(array_remove(pending_channels, @channel)) = 0 THEN 'done' ELSE dispatch_state END,
                    next_attempt_at = CASE
                        WHEN @finished AND cardinality(array_remove(pending_channels, @channel)) = 0 THEN NULL
                        WHEN @retry_at IS NOT NULL THEN @retry_at
                        ELSE next_attempt_at END
                WHERE id = @id
                RETURNING id)
            INSERT INTO app.delivery_attempts (notification_id, channel, attempt, at, outcome, address, detail)
            SELECT id, @channel, @attempt, @at, @outcome, @address, @detail FROM changed
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string>("channel", NpgsqlDbType.Text) { TypedValue = channel });
        command.Parameters.Add(new NpgsqlParameter<bool>("finished", NpgsqlDbType.Boolean) { TypedValue = outcome != DeliveryOutcomes.Failed });
        command.Parameters.Add(new NpgsqlParameter("retry_at", NpgsqlDbType.TimestampTz) { Value = retryAt is { } r ? r : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("attempt", NpgsqlDbType.Integer) { TypedValue = attempt });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", NpgsqlDbType.TimestampTz) { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<string>("outcome", NpgsqlDbType.Text) { TypedValue = outcome });
        command.Parameters.Add(new NpgsqlParameter("address", NpgsqlDbType.Text) { Value = (object?)address ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string>("detail", NpgsqlDbType.Text) { TypedValue = detail.Length <= 1000 ? detail : detail[..1000] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Claimed(Guid Id, string Subject, string Body, string SmsText, string? Link, string? Email, string? Phone, string[] PendingChannels);
}
