using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host;
using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Testing;

/// <summary>
/// The real host — the same services and pipeline as <c>dotnet run</c> — listening on a free loopback port and
/// using a given database. Tests talk to it over real HTTP.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<TestHost> StartAsync(string connectionString, params string[] extraArguments) =>
        StartAsync(connectionString, configureServices: null, extraArguments);

    /// <summary>Starts the host; <paramref name="configureServices"/> may add services, e.g. a test's service-task handler.</summary>
    public static Task<TestHost> StartAsync(string connectionString, Action<IServiceCollection>? configureServices, params string[] extraArguments) =>
        StartAsync(connectionString, configureServices, configureApp: null, extraArguments);

    /// <summary>Starts the host; <paramref name="configureApp"/> may map test-only endpoints (e.g. a sign-in shortcut) before it starts.</summary>
    public static async Task<TestHost> StartAsync(
        string connectionString, Action<IServiceCollection>? configureServices, Action<WebApplication>? configureApp, params string[] extraArguments)
    {
        string[] arguments =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Testing",
            $"--ConnectionStrings:Default={connectionString}",
            // Background jobs are picked up at once in tests instead of after the production poll interval.
            "--Hangfire:QueuePollInterval=00:00:00.100",
            "--Serilog:MinimumLevel:Default=Warning",
            // Tests sign in many times from 127.0.0.1; the rate-limit tests set their own low limits.
            "--RateLimits:SignInPerMinute=10000",
            "--RateLimits:PasswordResetPerHour=10000",
            "--RateLimits:PublicLookupPerMinute=10000",
            .. extraArguments,
        ];
        var builder = HostApplication.CreateBuilder(arguments);
        configureServices?.Invoke(builder.Services);
        var app = HostApplication.Build(builder, DatabaseServer.External(connectionString));
        configureApp?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestHost(app, new Uri(address));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
