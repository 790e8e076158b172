using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Notifications;

internal sealed record DeliveryLog(IReadOnlyList<DeliveryAttemptView> Items);

internal sealed record DeliveryAttemptView(long Id, Guid NotificationId, string Channel, int Attempt, DateTimeOffset At, string Outcome, string? Address, string? Detail);

/// <summary><c>GET /api/v1/notifications/deliveries</c>: the delivery log (every email and SMS attempt), for administrators.</summary>
internal static class DeliveryLogEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ListAsync).WithName("ListDeliveryAttempts").WithSummary("Delivery attempts, newest first, filtered by notification, channel and outcome");

    private static async Task<IResult> ListAsync(
        [FromQuery] Guid? notificationId, [FromQuery] string? channel, [FromQuery] string? outcome, [FromQuery] int? limit, AppDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (channel is not null && !NotificationChannels.All.Contains(channel, StringComparer.Ordinal))
        {
            errors["channel"] = [$"The channel is one of: {string.Join(", ", NotificationChannels.All)}."];
        }
        if (outcome is not null && !DeliveryOutcomes.All.Contains(outcome, StringComparer.Ordinal))
        {
            errors["outcome"] = [$"The outcome is one of: {string.Join(", ", DeliveryOutcomes.All)}."];
        }
        if (limit is < 1 or > 500)
        {
            errors["limit"] = ["The limit is 1 to 500."];
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        var query = db.DeliveryAttempts.AsNoTracking();
        if (notificationId is { } id)
        {
            query = query.Where(a => a.NotificationId == id);
        }
        if (channel is not null)
        {
            query = query.Where(a => a.Channel == channel);
        }
        if (outcome is not null)
        {
            query = query.Where(a => a.Outcome == outcome);
        }
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(limit ?? 100)
            .Select(a => new DeliveryAttemptView(a.Id, a.NotificationId, a.Channel, a.Attempt, a.At, a.Outcome, a.Address, a.Detail))
            .ToListAsync(cancellationToken);
        return Results.Ok(new DeliveryLog(items));
    }
}
