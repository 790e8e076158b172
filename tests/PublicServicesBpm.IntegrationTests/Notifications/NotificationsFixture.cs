using System.Net;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PublicServicesBpm.Host;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Notifications;

/// <summary>
/// The real host on a fresh database with a fake clock, an SMTP server inside the test process as its mail relay and
/// its own SMS simulator as the SMS gateway (over real HTTP). The minutely dispatch job is removed, so the tests run the
/// dispatcher themselves and nothing sends behind their back. One per test class.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    public const string Agency = "000.00.41.H38";

    private TestPostgres? _postgres;
    private WebApplication? _app;

    // Instants from TimeProvider are UTC, as TimeProvider.System gives them.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));

    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    public string ConnectionString { get; private set; } = string.Empty;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public Guid AdministratorId { get; private set; }

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        string[] arguments =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Testing",
            $"--ConnectionStrings:Default={ConnectionString}",
            "--Hangfire:QueuePollInterval=00:00:00.100",
            "--Serilog:MinimumLevel:Default=Warning",
            "--RateLimits:SignInPerMinute=10000",
            "--Notifications:Smtp:Host=127.0.0.1",
            $"--Notifications:Smtp:Port={Smtp.Port}",
            "--Notifications:Smtp:StartTls=false",
            "--Notifications:Smtp:From=Cổng dịch vụ công Lào Cai <no-reply@laocai.gov.vn>",
            "--Notifications:PublicBaseUrl=https://dichvucong.laocai.gov.vn/",
            // Small batches, so that two dispatchers running at once really share the work.
            "--Notifications:BatchSize=5",
        ];
        var builder = HostApplication.CreateBuilder(arguments);
        builder.Host.UseServiceProviderFactory(new FakeClockServiceProviderFactory(Clock));
        _app = HostApplication.Build(builder, DatabaseServer.External(ConnectionString));
        ApiTestSignIn.Map(_app);
        await _app.StartAsync();
        Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(DispatchNotificationsJob.RecurringJobId);
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Agencies.Add(new Agency { Code = Agency, Name = "Ủy ban nhân dân phường Kim Tân", ProvinceCode = "H38", CreatedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        AdministratorId = await CreateOfficerAsync("quan-tri", "Quản Trị Viên", OfficerRole.Administrator);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Smtp.DisposeAsync();
        await _postgres!.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>An officer with email <c>{userName}@laocai.gov.vn</c>, the phone given, and a role at <see cref="Agency"/>.</summary>
    public async Task<Guid> CreateOfficerAsync(string userName, string fullName, string role = OfficerRole.Specialist, string? phone = "0912000111")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(), UserName = userName, Email = userName + "@laocai.gov.vn", PhoneNumber = phone, FullName = fullName, CreatedAt = Clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var from = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);
        db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = Agency, ValidFrom = from, GrantedAt = from });
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>A citizen with a profile (as after their first VNeID sign-in), with the email and phone given.</summary>
    public async Task<Guid> CreateApplicantAsync(string fullName, string? email = "cong.dan@example.vn", string? phone = "+84987654321")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = new ApplicantProfile
        {
            Id = Guid.CreateVersion7(), Issuer = BaseAddress.ToString(), Subject = Guid.NewGuid().ToString("N"), FullName = fullName,
            PersonalIdNumber = "015190012345", PhoneNumber = phone, Email = email, AssuranceLevel = 2, FirstSignInAt = Clock.GetUtcNow(), LastSignInAt = Clock.GetUtcNow(),
        };
        db.ApplicantProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    /// <summary>Writes the notifications in one committed transaction, as a command would; returns how many were new.</summary>
    internal async Task<int> NotifyAsync(params NotificationRequest[] requests)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var written = await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(requests, CancellationToken.None);
        await transaction.CommitAsync();
        return written;
    }

    /// <summary>Runs the dispatch job once, as Hangfire would.</summary>
    public async Task<int> DispatchAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchNotificationsJob>().RunAsync(CancellationToken.None);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<HttpClient> SignInOfficerAsync(Guid accountId)
    {
        var client = CookieClient();
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.OfficerPath + accountId.ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    public async Task<HttpClient> SignInApplicantAsync(Guid applicantId)
    {
        var client = CookieClient();
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.ApplicantPath + applicantId.ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    /// <summary>A request for <paramref name="recipient"/> with a fresh dedupe key and the values of a received dossier.</summary>
    internal static NotificationRequest Request(NotificationRecipient recipient, string notificationEvent = NotificationEvents.Received, string? dedupeKey = null, Guid? dossierId = null) =>
        new(recipient, notificationEvent, SampleValues, "/portal/ho-so/" + (dossierId ?? Guid.Empty), dossierId, dedupeKey ?? "test:" + Guid.NewGuid().ToString("N"));

    internal static readonly IReadOnlyDictionary<string, string> SampleValues = new Dictionary<string, string>
    {
        ["code"] = "H38.41-261130-0007",
        ["procedure"] = "Đăng ký hộ kinh doanh",
        ["step"] = "Thẩm định hồ sơ",
        ["dueAt"] = "02/12/2026 17:00",
        ["appointment"] = "07/12/2026 16:30",
        ["newAppointment"] = "10/12/2026 16:30",
        ["agency"] = "Ủy ban nhân dân phường Kim Tân",
        ["applicant"] = "Nguyễn Minh An",
        ["officer"] = "Lê Thị Thu",
    };

    private HttpClient CookieClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>Builds the container with the fixture's clock in place of <see cref="TimeProvider.System"/>.</summary>
    private sealed class FakeClockServiceProviderFactory(FakeTimeProvider clock) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
    }
}
