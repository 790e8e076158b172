using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>One message the simulator accepted.</summary>
internal sealed record SimulatedSms(string MessageId, string To, string Text, string ClientRef, DateTimeOffset ReceivedAt);

/// <summary>The simulator's memory: what it accepted, by client reference (so the same reference is one message).</summary>
internal sealed class SmsSimulatorInbox
{
    private readonly ConcurrentDictionary<string, SimulatedSms> _byClientRef = new(StringComparer.Ordinal);

    public IReadOnlyList<SimulatedSms> Messages => [.. _byClientRef.Values.OrderBy(m => m.ReceivedAt).ThenBy(m => m.MessageId, StringComparer.Ordinal)];

    /// <summary>Stores the message unless its reference was seen; returns the stored one either way.</summary>
    public SimulatedSms Accept(string to, string text, string clientRef, DateTimeOffset at) =>
        _byClientRef.GetOrAdd(clientRef, _ => new SimulatedSms("sim-" + Guid.CreateVersion7(at).ToString("N"), to, text, clientRef, at));
}

/// <summary>
/// A local stand-in for an SMS gateway, speaking <see cref="SmsProtocol"/> over HTTP under <see cref="BasePath"/>, so
/// that development and tests send SMS exactly as production does. It checks what a gateway checks (number, text,
/// reference), keeps accepted messages in memory (<see cref="SmsSimulatorInbox"/>) and answers a repeated reference with
/// the first message's id. Mapped only when <c>Notifications:Sms:SimulatorEnabled</c>; guarded by the API key.
/// </summary>
internal static partial class SmsSimulator
{
    public const string BasePath = "/simulators/sms";

    public static IEndpointRouteBuilder MapSmsSimulator(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value.Sms.SimulatorEnabled)
        {
            return endpoints;
        }
        // No user calls these: they stand in for a carrier's system. The API key filter is their guard.
        var group = endpoints.MapGroup(BasePath).AllowAnonymous().AddEndpointFilter<SmsApiKeyFilter>().ExcludeFromDescription();
        group.MapPost("/" + SmsProtocol.SendPath, Send);
        group.MapGet("/messages", (SmsSimulatorInbox inbox) => Results.Ok(inbox.Messages));
        return endpoints;
    }

    private static IResult Send(SmsSendRequest? request, SmsSimulatorInbox inbox, TimeProvider clock)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.ClientRef) || request.ClientRef.Length > 100)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "clientRef required", detail: "Send a clientRef of 1 to 100 characters.");
        }
        if (request.To is null || !PhoneNumber().IsMatch(request.To))
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Invalid phone number",
                detail: "A Vietnamese mobile number: +84 or 0 followed by 9 digits.");
        }
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 1000)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Invalid text", detail: "The text must have 1 to 1000 characters.");
        }
        var message = inbox.Accept(request.To, request.Text, request.ClientRef, clock.GetUtcNow());
        return Results.Ok(new SmsSendResponse(message.MessageId, "accepted"));
    }

    [GeneratedRegex(@"^(\+84|0)[0-9]{9}$")]
    private static partial Regex PhoneNumber();
}

/// <summary>Admits a call to the simulator only with the right <see cref="SmsProtocol.ApiKeyHeader"/>.</summary>
internal sealed class SmsApiKeyFilter(SmsApiKey apiKey) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        apiKey.Matches(context.HttpContext.Request.Headers[SmsProtocol.ApiKeyHeader].FirstOrDefault())
            ? await next(context)
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"A valid {SmsProtocol.ApiKeyHeader} header is required.");
}
