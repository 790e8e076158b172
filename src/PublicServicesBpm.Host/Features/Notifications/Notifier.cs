using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>
/// Writes notifications into the outbox (<c>app.notifications</c>) in the caller's transaction, so that a notification
/// exists exactly when the change it tells about was committed; the dispatcher sends the email and SMS afterwards.
/// Scoped: it uses the caller's <see cref="AppDbContext"/> and its current transaction.
/// </summary>
internal sealed class Notifier(AppDbContext db, NotificationAddressBook addresses, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Writes one notification per request — <c>INSERT … ON CONFLICT (dedupe_key) DO NOTHING</c>, a handful of statements
    /// for any number of requests — with its texts in the recipient's language (preference, default vi-VN) and the
    /// email/SMS channels their preferences allow and their known addresses make possible (muted events: app only).
    /// Returns how many were new.
    /// </summary>
    public async Task<int> NotifyAsync(IReadOnlyList<NotificationRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return 0;
        }
        foreach (var request in requests)
        {
            Validate(request);
        }
        var recipients = await addresses.LookUpAsync([.. requests.Select(r => r.Recipient)], cancellationToken);
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var rows = new List<Row>(requests.Count);
        foreach (var request in requests)
        {
            var recipient = recipients[(request.Recipient.Kind, request.Recipient.Id)];
            var texts = NotificationTemplates.Render(request.Event, recipient.Culture, request.Values);
            var muted = recipient.MutedEvents.Contains(request.Event, StringComparer.Ordinal);
            var email = settings.EmailAvailable && recipient.EmailOn && !muted ? recipient.Email : null;
            var phone = settings.SmsAvailable && recipient.SmsOn && !muted ? recipient.Phone : null;
            string[] channels = [.. (email is null ? [] : new[] { NotificationChannels.Email }), .. (phone is null ? [] : new[] { NotificationChannels.Sms })];
            rows.Add(new Row(
                Guid.CreateVersion7(now), request, recipient.Culture, Truncate(texts.Subject, 300), Truncate(texts.Body, 4000), Truncate(texts.Sms, 400),
                email, phone, string.Join(',', channels)));
        }
        return await InsertAsync(rows, now, cancellationToken);
    }

    private async Task<int> InsertAsync(List<Row> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One statement for the whole batch: arrays unnested into rows; a dedupe key seen before (or twice in the batch) is skipped.
        const string sql = """
            INSERT INTO app.notifications (id, recipient_kind, recipient_id, event, culture, subject, body, sms_text, link, dossier_id, dedupe_key,
                created_at, dispatch_state, next_attempt_at, email, phone, pending_channels)
            SELECT r.id, r.kind, r.recipient, r.event, r.culture, r.subject, r.body, r.sms, r.link, r.dossier, r.dedupe,
                @now, CASE WHEN r.channels = '' THEN 'done' ELSE 'pending' END, NULL, r.email, r.phone,
                CASE WHEN r.channels = '' THEN ARRAY[]::text[] ELSE string_to_array(r.channels, ',') END
            FROM unnest(@ids, @kinds, @recipients, @events, @cultures, @subjects, @bodies, @smses, @links, @dossiers, @dedupes, @emails, @phones, @channels)
                AS r(id, kind, recipient, event, culture, subject, body, sms, link, dossier, dedupe, email, phone, channels)
            ORDER BY r.id
            ON CONFLICT (dedupe_key) DO NOTHING
            """;
        return await db.Database.ExecuteSqlRawAsync(sql,
        [
            new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
            Array("ids", NpgsqlDbType.Uuid, rows.Select(r => r.Id)),
            Array("kinds", NpgsqlDbType.Text, rows.Select(r => r.Request.Recipient.Kind)),
            Array("recipients", NpgsqlDbType.Text, rows.Select(r => r.Request.Recipient.Id)),
            Array("events", NpgsqlDbType.Text, rows.Select(r => r.Request.Event)),
            Array("cultures", NpgsqlDbType.Text, rows.Select(r => r.Culture)),
            Array("subjects", NpgsqlDbType.Text, rows.Select(r => r.Subject)),
            Array("bodies", NpgsqlDbType.Text, rows.Select(r => r.Body)),
            Array("smses", NpgsqlDbType.Text, rows.Select(r => r.Sms)),
            Array("links", NpgsqlDbType.Text, rows.Select(r => r.Request.Link)),
            Array("dossiers", NpgsqlDbType.Uuid, rows.Select(r => r.Request.DossierId)),
            Array("dedupes", NpgsqlDbType.Text, rows.Select(r => r.Request.DedupeKey)),
            Array("emails", NpgsqlDbType.Text, rows.Select(r => r.Email)),
            Array("phones", NpgsqlDbType.Text, rows.Select(r => r.Phone)),
            Array("channels", NpgsqlDbType.Text, rows.Select(r => r.Channels)),
        ], cancellationToken);
    }

    private static NpgsqlParameter<T[]> Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { TypedValue = [.. values] };

    private static void Validate(NotificationRequest request)
    {
        if (!NotificationEvents.IsKnown(request.Event))
        {
            throw new ArgumentException($"Unknown notification event '{request.Event}'.", nameof(request));
        }
        if (request.Recipient.Kind is not (RecipientKinds.Officer or RecipientKinds.Applicant or RecipientKinds.Contact))
        {
            throw new ArgumentException($"Unknown recipient kind '{request.Recipient.Kind}'.", nameof(request));
        }
        if (string.IsNullOrWhiteSpace(request.DedupeKey) || request.DedupeKey.Length > 300 || string.IsNullOrWhiteSpace(request.Recipient.Id) || request.Recipient.Id.Length > 200)
        {
            throw new ArgumentException("A notification needs a dedupe key (at most 300 characters) and a recipient id (at most 200).", nameof(request));
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record Row(Guid Id, NotificationRequest Request, string Culture, string Subject, string Body, string Sms, string? Email, string? Phone, string Channels);
}
