using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Host.UI.Pages.Notifications;

/// <summary>
/// One person's in-app notifications for the pages and the header: the same rules as <c>/api/v1/notifications</c>
/// (<see cref="InAppNotificationEndpoints"/>) — newest first, only the reader's own, someone else's is "not there".
/// </summary>
internal sealed class NotificationInbox(AppDbContext db, NotificationReader reader)
{
    public sealed record Page(IReadOnlyList<NotificationView> Items, bool HasMore, int Unread);

    /// <summary>Page <paramref name="number"/> (from 1) of <paramref name="size"/> notifications, whether more follow, and the unread count.</summary>
    public async Task<Page> ReadAsync(int number, int size, CancellationToken cancellationToken)
    {
        var rows = await Mine(db, reader.Kind, reader.Id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size + 1)
            .Select(n => new NotificationView(n.Id, n.Event, n.Subject, n.Body, n.Link, n.DossierId, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        var unread = await UnreadCountAsync(db, reader.Kind, reader.Id, cancellationToken);
        return new Page([.. rows.Take(size)], rows.Count > size, unread);
    }

    /// <summary>Marks one of the reader's notifications read (again is no error); returns its link, or null when it is not theirs.</summary>
    public async Task<(bool Found, string? Link)> MarkReadAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Mine(db, reader.Kind, reader.Id).Where(n => n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        var found = await Mine(db, reader.Kind, reader.Id).Where(n => n.Id == id).Select(n => new { n.Link }).SingleOrDefaultAsync(cancellationToken);
        return (found is not null, found?.Link);
    }

    public Task<int> MarkAllReadAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Mine(db, reader.Kind, reader.Id).Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);

    /// <summary>How many of the recipient's notifications are unread (the header's count).</summary>
    public static Task<int> UnreadCountAsync(AppDbContext db, string kind, string id, CancellationToken cancellationToken) =>
        Mine(db, kind, id).CountAsync(n => n.ReadAt == null, cancellationToken);

    /// <summary>
    /// Whether <paramref name="link"/> is a path in this app (the only links notifications carry); anything else —
    /// another site, a protocol-relative or backslash path — is not followed.
    /// </summary>
    public static bool IsLocalPath(string? link) =>
        link is { Length: > 1 } && link[0] == '/' && link[1] is not ('/' or '\\') && !link.Contains("://", StringComparison.Ordinal);

    private static IQueryable<NotificationRecord> Mine(AppDbContext db, string kind, string id) =>
        db.Notifications.AsNoTracking().Where(n => n.RecipientKind == kind && n.RecipientId == id);
}
