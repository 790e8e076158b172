namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>
/// The SMS gateway's HTTP protocol, shaped like the brand-name SMS APIs of Vietnamese carriers and aggregators:
/// <c>POST {BaseUrl}/sms/send</c> with header <see cref="ApiKeyHeader"/> and a JSON <see cref="SmsSendRequest"/>; the
/// answer is 200 with an <see cref="SmsSendResponse"/>, 400/422 with problem details when the request is refused for
/// good, 401 for a wrong key, 429/5xx when it should be tried again. <c>clientRef</c> is the caller's idempotency key:
/// the same reference twice is one message, answered with the same message id.
/// </summary>
internal static class SmsProtocol
{
    public const string SendPath = "sms/send";

    public const string ApiKeyHeader = "X-Api-Key";
}

/// <param name="To">The phone number, e.g. <c>+84912345678</c> or <c>0912345678</c>.</param>
/// <param name="Text">The message (Unicode; long messages are split into parts by the gateway).</param>
/// <param name="ClientRef">The caller's reference, unique per message (1–100 characters).</param>
internal sealed record SmsSendRequest(string? To, string? Text, string? ClientRef);

internal sealed record SmsSendResponse(string MessageId, string Status);
