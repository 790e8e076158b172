using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Host.Features.Dossiers;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>
/// My notification choices. <see cref="EmailAvailable"/> / <see cref="SmsAvailable"/> say whether this installation
/// can send on the channel at all (no SMTP server configured: no email), so a page can say so beside the switch.
/// </summary>
internal sealed record NotificationPreferencesView(
    bool Email, bool Sms, string Language, IReadOnlyList<string> MutedEvents, bool EmailAvailable, bool SmsAvailable, IReadOnlyList<string> Events);

/// <summary>The whole set of choices (PUT replaces them): every field is required.</summary>
internal sealed record NotificationPreferencesRequest(bool? Email, bool? Sms, string? Language, IReadOnlyList<string>? MutedEvents);

/// <summary><c>GET/PUT /api/v1/notifications/preferences</c>: channels besides the app, language, events muted on email/SMS.</summary>
internal static class NotificationPreferenceEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/preferences", GetAsync).WithName("GetNotificationPreferences").WithSummary("My notification channels, language and muted events");
        group.MapPut("/preferences", PutAsync).WithName("SetNotificationPreferences").WithSummary("Set my notification channels, language and muted events");
    }

    private static async Task<IResult> GetAsync(DossierAccess access, AppDbContext db, IOptions<NotificationOptions> options, CancellationToken cancellationToken)
    {
        if (await NotificationReader.CurrentAsync(access, cancellationToken) is not { } reader)
        {
            return Results.Forbid();
        }
        var preference = await db.NotificationPreferences.AsNoTracking()
            .SingleOrDefaultAsync(p => p.RecipientKind == reader.Kind && p.RecipientId == reader.Id, cancellationToken);
        return Results.Ok(View(preference ?? new NotificationPreference { RecipientKind = reader.Kind, RecipientId = reader.Id }, options.Value));
    }

    private static async Task<IResult> PutAsync(
        NotificationPreferencesRequest? body, DossierAccess access, AppDbContext db, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await NotificationReader.CurrentAsync(access, cancellationToken) is not { } reader)
        {
            return Results.Forbid();
        }
        if (Validate(body) is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors);
        }
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.RecipientKind == reader.Kind && p.RecipientId == reader.Id, cancellationToken);
        if (preference is null)
        {
            preference = new NotificationPreference { RecipientKind = reader.Kind, RecipientId = reader.Id };
            db.NotificationPreferences.Add(preference);
        }
        preference.Email = body!.Email!.Value;
        preference.Sms = body.Sms!.Value;
        preference.Culture = NotificationTemplates.NormalizeCulture(body.Language)!;
        preference.MutedEvents = [.. body.MutedEvents!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        preference.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(View(preference, options.Value));
    }

    private static Dictionary<string, string[]> Validate(NotificationPreferencesRequest? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors["body"] = ["Send email, sms, language and mutedEvents."];
            return errors;
        }
        if (body.Email is null)
        {
            errors["email"] = ["Say whether to send email (true or false)."];
        }
        if (body.Sms is null)
        {
            errors["sms"] = ["Say whether to send SMS (true or false)."];
        }
        if (NotificationTemplates.NormalizeCulture(body.Language) is null)
        {
            errors["language"] = [$"The language is one of: {string.Join(", ", NotificationTemplates.Cultures)}."];
        }
        if (body.MutedEvents is null)
        {
            errors["mutedEvents"] = ["Send the muted events (an empty list for none)."];
        }
        else if (body.MutedEvents.Where(e => e is null || !NotificationEvents.IsKnown(e)).ToList() is { Count: > 0 } unknown)
        {
            errors["mutedEvents"] = [$"Unknown events: {string.Join(", ", unknown)}. Known: {string.Join(", ", NotificationEvents.All)}."];
        }
        return errors;
    }

    private static NotificationPreferencesView View(NotificationPreference preference, NotificationOptions options) => new(
        preference.Email, preference.Sms, NotificationTemplates.NormalizeCulture(preference.Culture) ?? NotificationTemplates.Vietnamese,
        preference.MutedEvents, options.EmailAvailable, options.SmsAvailable, NotificationEvents.All);
}
