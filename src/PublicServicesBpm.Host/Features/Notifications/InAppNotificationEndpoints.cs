using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Dossiers;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>One notification as its recipient sees it in the app.</summary>
internal sealed record NotificationView(Guid Id, string Event, string Subject, string Body, string? Link, Guid? DossierId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

internal sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int UnreadCount);

internal sealed record UnreadCount(int Count);

internal sealed record MarkedRead(int Marked);

/// <summary>
/// The in-app channel: my notifications newest first, my unread count, mark one or all read. Everyone sees only their
/// own; another person's notification is "not found", as one that does not exist.
/// </summary>
internal static class InAppNotificationEndpoints
{
    public const int MaxPageSize = 100;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithName("ListNotifications").WithSummary("My notifications, newest first (paged)");
        group.MapGet("/unread-count", UnreadCountAsync).WithName("CountUnreadNotifications").WithSummary("How many of my notifications are unread");
        group.MapPost("/{id:guid}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("Mark one of my notifications read");
        group.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNotificationsRead").WithSummary("Mark all my notifications read");
    }

    private static async Task<IResult> ListAsync([FromQuery] int? page, [FromQuery] int? pageSize, DossierAccess access, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await NotificationReader.CurrentAsync(access, cancellationToken) is not { } reader)
        {
            return Results.Forbid();
        }
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["The page is 1 or more."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size is 1 to {MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        var (number, size) = (page ?? 1, pageSize ?? 20);
        var rows = await Mine(db, reader)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(n => new { n.Id, n.Event, n.Subject, n.Body, n.Link, n.DossierId, n.CreatedAt, n.ReadAt })
            .ToListAsync(cancellationToken);
        var unread = await Mine(db, reader).CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = rows.Select(n => new NotificationView(n.Id, n.Event, n.Subject, n.Body, n.Link, n.DossierId, n.CreatedAt, n.ReadAt)).ToList();
        return Results.Ok(new NotificationPage(items, number, size, unread));
    }

    private static async Task<IResult> UnreadCountAsync(DossierAccess access, AppDbContext db, CancellationToken cancellationToken) =>
        await NotificationReader.CurrentAsync(access, cancellationToken) is { } reader
            ? Results.Ok(new UnreadCount(await Mine(db, reader).CountAsync(n => n.ReadAt == null, cancellationToken)))
            : Results.Forbid();

    private static async Task<IResult> MarkReadAsync(Guid id, DossierAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await NotificationReader.CurrentAsync(access, cancellationToken) is not { } reader)
        {
            return Results.Forbid();
        }
        var now = clock.GetUtcNow();
        var marked = await Mine(db, reader).Where(n => n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        // Marking a read notification again is no error; someone else's is not found.
        return marked > 0 || await Mine(db, reader).AnyAsync(n => n.Id == id, cancellationToken)
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Notification not found", detail: $"You have no notification {id}.");
    }

    private static async Task<IResult> MarkAllReadAsync(DossierAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await NotificationReader.CurrentAsync(access, cancellationToken) is not { } reader)
        {
            return Results.Forbid();
        }
        var now = clock.GetUtcNow();
        var marked = await Mine(db, reader).Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return Results.Ok(new MarkedRead(marked));
    }

    private static IQueryable<Persistence.Notifications.NotificationRecord> Mine(AppDbContext db, NotificationReader reader) =>
        db.Notifications.AsNoTracking().Where(n => n.RecipientKind == reader.Kind && n.RecipientId == reader.Id);
}
