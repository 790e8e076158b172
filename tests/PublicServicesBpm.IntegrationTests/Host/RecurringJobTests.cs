using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Jobs;

namespace PublicServicesBpm.IntegrationTests.Host;

public sealed class RecurringJobTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public void HostStart_RegistersTheTimerScanAsAMinutelyRecurringJob()
    {
        using var connection = fixture.Host.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == FireDueTimersJob.RecurringJobId);

        Assert.Equal(Cron.Minutely(), job.Cron);
    }

    [Fact]
    public async Task FireDueTimersJob_NothingDue_FiresNothing()
    {
        using var scope = fixture.Host.Services.CreateScope();

        var fired = await scope.ServiceProvider.GetRequiredService<FireDueTimersJob>().RunAsync(CancellationToken.None);

        Assert.Equal(0, fired);
    }
}
