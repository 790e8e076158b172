using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>One SMS of a notification; <see cref="ClientRef"/> is stable across re-sends.</summary>
internal sealed record SmsMessage(string To, string Text, string ClientRef);

/// <summary>Sends SMS (the port to the SMS gateway).</summary>
internal interface ISmsGateway
{
    /// <summary>Sends the SMS; returns the gateway's message id. Throws when it was not accepted.</summary>
    Task<string> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>The gateway refused the message for good (bad number, bad text): trying again would not help.</summary>
internal sealed class PermanentDeliveryException(string message) : Exception(message);

/// <summary>Calls the SMS gateway over HTTP (<see cref="SmsProtocol"/>).</summary>
internal sealed class HttpSmsGateway(HttpClient http, SmsEndpointAddress address, SmsApiKey apiKey, IOptions<NotificationOptions> options) : ISmsGateway
{
    public async Task<string> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var timeoutAfter = options.Value.Sms.Timeout;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address.BaseUrl, SmsProtocol.SendPath))
        {
            Content = JsonContent.Create(new SmsSendRequest(message.To, message.Text, message.ClientRef)),
        };
        request.Headers.Add(SmsProtocol.ApiKeyHeader, apiKey.Value);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutAfter);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMS gateway did not answer within {timeoutAfter.TotalSeconds:0} s.");
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new PermanentDeliveryException($"The SMS gateway refused the message ({(int)response.StatusCode}): {detail}");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
            }
            var answer = await response.Content.ReadFromJsonAsync<SmsSendResponse>(cancellationToken);
            return answer is { MessageId.Length: > 0 } ? answer.MessageId : throw new HttpRequestException("The SMS gateway's answer holds no message id.");
        }
    }
}

/// <summary>The key the gateway client sends and the simulator expects: the configured one, else a random one of this process.</summary>
internal sealed class SmsApiKey(IOptions<NotificationOptions> options)
{
    public string Value { get; } = string.IsNullOrWhiteSpace(options.Value.Sms.ApiKey)
        ? Convert.ToHexString(RandomNumberGenerator.GetBytes(32))
        : options.Value.Sms.ApiKey;

    /// <summary>Compares in constant time.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));
}

/// <summary>
/// Where the SMS gateway is: <see cref="SmsOptions.BaseUrl"/>, or else this host's own simulator at
/// <c>/simulators/sms/</c>, on the address the server listens on (tests bind port 0).
/// </summary>
internal sealed class SmsEndpointAddress(IOptions<NotificationOptions> options, IServer server)
{
    public Uri BaseUrl => WithTrailingSlash(options.Value.Sms.BaseUrl ?? new Uri(OwnAddress(), SmsSimulator.BasePath.TrimStart('/') + "/"));

    private Uri OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Notifications:Sms:BaseUrl is not set and the host listens on no address yet.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }
        uri.Path = "/";
        return uri.Uri;
    }

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
