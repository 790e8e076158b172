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

public sealed class HostCalendarTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("2026-02-17", false)] // Tết Nguyên Đán (computed from the lunar calendar)
    [InlineData("2026-04-26", false)] // Hùng Kings' day, 10/3 lunar (a Sunday in 2026)
    [InlineData("2026-04-30", false)] // Reunification Day
    [InlineData("2026-09-02", false)] // National Day
    [InlineData("2026-11-26", true)]  // an ordinary Thursday
    public void HostCalendar_KnowsVietnamesePublicHolidays(string day, bool working)
    {
        var calendar = fixture.Host.Services.GetRequiredService<PublicServicesBpm.Engine.Calendar.IBusinessCalendar>();

        Assert.Equal(working, calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
