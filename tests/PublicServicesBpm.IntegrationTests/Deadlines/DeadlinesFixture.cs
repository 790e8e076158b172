using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Host.Features.Deadlines;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.IntegrationTests.Dossiers;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using static PublicServicesBpm.IntegrationTests.Dossiers.DossierApiFixture;

namespace PublicServicesBpm.IntegrationTests.Deadlines;

/// <summary>
/// The deadline monitor and the notification relay on the dossier tests' host (<see cref="DossierApiFixture"/>: the
/// repository's procedures, the Lào Cai agencies with their office hours, officers in every role, a fake clock). The
/// recurring jobs that would run the monitor, the relay and the dispatcher every minute are removed, so the tests run
/// them when they choose (as Hangfire would: a fresh scope per run). The database is shared by the class and the clock
/// only moves forward, so tests read the notifications of their own dossiers.
/// </summary>
public sealed class DeadlinesFixture : IAsyncLifetime
{
    private Guid? _supervisingHead;

    public DossierApiFixture Dossiers { get; } = new();

    public async Task InitializeAsync()
    {
        await Dossiers.InitializeAsync();
        var jobs = Dossiers.Services.GetRequiredService<IRecurringJobManager>();
        jobs.RemoveIfExists(DeadlineMonitorJob.RecurringJobId);
        jobs.RemoveIfExists(NotificationRelayJob.RecurringJobId);
        jobs.RemoveIfExists(DispatchNotificationsJob.RecurringJobId);
    }

    public Task DisposeAsync() => Dossiers.DisposeAsync();

    /// <summary>One run of the deadline monitor at the fixture's clock, in its own scope (options as configured unless given).</summary>
    internal async Task<DeadlineMonitor.ScanResult> ScanAsync(DeadlineOptions? options = null)
    {
        await using var scope = Dossiers.Services.CreateAsyncScope();
        var monitor = options is null
            ? ActivatorUtilities.GetServiceOrCreateInstance<DeadlineMonitor>(scope.ServiceProvider)
            : ActivatorUtilities.CreateInstance<DeadlineMonitor>(scope.ServiceProvider, Options.Create(options));
        return await monitor.ScanAsync(CancellationToken.None);
    }

    /// <summary>One run of the notification relay, in its own scope; returns how many events it read.</summary>
    public async Task<int> RelayAsync()
    {
        await using var scope = Dossiers.Services.CreateAsyncScope();
        return await ActivatorUtilities.GetServiceOrCreateInstance<NotificationRelay>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    /// <summary>The notifications about the dossier (its own and its tasks'), oldest first.</summary>
    public Task<List<Sent>> NotificationsAsync(Guid dossierId) => QueryAsync(db => db.Notifications.AsNoTracking()
        .Where(n => n.DossierId == dossierId).OrderBy(n => n.Id)
        .Select(n => new Sent(n.RecipientKind, n.RecipientId, n.Event, n.DedupeKey, n.Subject, n.Body, n.Phone, n.Email)).ToListAsync());

    public Task<int> NotificationCountAsync() => QueryAsync(db => db.Notifications.CountAsync());

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Dossiers.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The calendar the monitor counts on for <paramref name="agency"/>.</summary>
    public async Task<IBusinessCalendar> CalendarAsync(string agency = Ward) =>
        await Dossiers.Services.GetRequiredService<IBusinessCalendarSource>().ForAgencyAsync(agency, CancellationToken.None);

    public string Officer(string role, string agency = Ward) => Dossiers.OfficerId(role, agency).ToString("D");

    /// <summary>
    /// A household business registration (ward, three working days) submitted online by a new applicant and received
    /// now by the one-stop officer: status 4, an appointment, its appraisal step open for the ward's specialists.
    /// </summary>
    public async Task<Guid> ReceivedOnlineAsync(string applicantName)
    {
        var applicantId = await Dossiers.CreateApplicantAsync(applicantName);
        using var applicant = await Dossiers.ApplicantAsync(applicantId);
        var id = await CreateDraftAsync(applicant, new { procedureCode = "dang-ky-ho-kinh-doanh", channel = "online", formData = DossierSamples.HouseholdBusiness() });
        await UploadAsync(applicant, id, "giay-de-nghi");
        await UploadAsync(applicant, id, "giay-to-tuy-than");
        await PostAsync(applicant, $"/api/v1/dossiers/{id}/submit", null);
        using var oneStop = await Dossiers.OfficerAsync(OfficerRole.OneStopOfficer);
        var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
        Assert.Equal(4, Status(received));
        return id;
    }

    /// <summary>A household business registration brought to the counter by a walk-in applicant (no account) and received now.</summary>
    public async Task<Guid> ReceivedAtTheCounterAsync(string applicantName)
    {
        using var oneStop = await Dossiers.OfficerAsync(OfficerRole.OneStopOfficer);
        var id = await CreateDraftAsync(oneStop, new
        {
            procedureCode = "dang-ky-ho-kinh-doanh", channel = "counter", applicant = DossierSamples.WalkIn(applicantName), resultDelivery = "counter",
            formData = DossierSamples.HouseholdBusiness(),
        });
        await UploadAsync(oneStop, id, "giay-de-nghi");
        await UploadAsync(oneStop, id, "giay-to-tuy-than");
        var received = await PostAsync(oneStop, $"/api/v1/dossiers/{id}/receive", new { });
        Assert.Equal(4, Status(received));
        return id;
    }

    public async Task<JsonElement> DossierAsync(Guid id)
    {
        using var reader = await Dossiers.OfficerAsync(OfficerRole.OneStopOfficer);
        return await GetDossierAsync(reader, id);
    }

    /// <summary>The open step's task id.</summary>
    public async Task<string> OpenTaskIdAsync(Guid id, string elementId) => OpenTask(await DossierAsync(id), elementId).GetProperty("id").GetString()!;

    /// <summary>The officer takes the open step from their group's queue.</summary>
    public async Task ClaimAsync(string taskId, string role)
    {
        using var officer = await Dossiers.OfficerAsync(role);
        using var claim = await officer.PostAsync(new Uri($"/api/v1/tasks/{taskId}/claim", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, claim.StatusCode);
    }

    /// <summary>
    /// A department head at the ward who also works the specialists' queue: only an officer of a task's groups finds
    /// the task to assign it (<c>TaskInbox.FindVisibleAsync</c>). Made once per fixture.
    /// </summary>
    public async Task<Guid> SupervisingHeadAsync()
    {
        if (_supervisingHead is { } existing)
        {
            return existing;
        }
        await using var scope = Dossiers.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(), UserName = "truong-phong-dkkd", Email = "truong-phong-dkkd@laocai.gov.vn", FullName = "Trưởng phòng đăng ký kinh doanh",
            CreatedAt = Dossiers.Clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var from = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var role in new[] { OfficerRole.DepartmentHead, OfficerRole.Specialist })
        {
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = Ward, ValidFrom = from, GrantedAt = from });
        }
        await db.SaveChangesAsync();
        _supervisingHead = account.Id;
        return account.Id;
    }

    /// <summary>The supervising head gives the task to <paramref name="assignee"/> through the task API.</summary>
    public async Task AssignAsync(string taskId, Guid assignee)
    {
        using var head = await Dossiers.SignInOfficerAsync(await SupervisingHeadAsync());
        using var assign = await SendAsync(head, $"/api/v1/tasks/{taskId}/assign", new { accountId = assignee });
        Assert.True(assign.StatusCode == HttpStatusCode.NoContent, $"assign: {(int)assign.StatusCode} {await assign.Content.ReadAsStringAsync()}");
    }

    /// <summary>What a notification row says, for assertions.</summary>
    public sealed record Sent(string RecipientKind, string RecipientId, string Event, string DedupeKey, string Subject, string Body, string? Phone, string? Email);
}

