using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Notifications;

namespace PublicServicesBpm.IntegrationTests.Notifications;

public sealed class DispatchNotificationsJobTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public void HostStart_RegistersTheDispatcherAsAMinutelyRecurringJob()
    {
        using var connection = fixture.Host.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DispatchNotificationsJob.RecurringJobId);

        Assert.Equal(Cron.Minutely(), job.Cron);
    }

    [Fact]
    public async Task RunAsync_NothingPending_ClaimsNothing()
    {
        using var scope = fixture.Host.Services.CreateScope();

        var dispatched = await scope.ServiceProvider.GetRequiredService<DispatchNotificationsJob>().RunAsync(CancellationToken.None);

        Assert.Equal(0, dispatched);
    }
}
