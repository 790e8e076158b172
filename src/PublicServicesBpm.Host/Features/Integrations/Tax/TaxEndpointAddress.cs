using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>
/// Where the tax authority is: <see cref="TaxOptions.BaseUrl"/>, or else this host's own address (its simulator),
/// read from the server once it listens — the port may be chosen at start-up (tests bind port 0).
/// </summary>
internal sealed class TaxEndpointAddress(IOptions<TaxOptions> options, IServer server)
{
    public Uri BaseUrl => WithTrailingSlash(options.Value.BaseUrl ?? OwnAddress());

    private Uri OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"{TaxOptions.Section}:BaseUrl is not set and the host listens on no address yet.");
        // A wildcard binding ("http://+:5080", "http://0.0.0.0:5080", "http://[::]:5080") is reached on loopback.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }
        return uri.Uri;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
