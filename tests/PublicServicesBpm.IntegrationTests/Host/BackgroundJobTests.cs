using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace PublicServicesBpm.IntegrationTests.Host;

public sealed class BackgroundJobTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Enqueue_JobOnPostgreSqlStorage_RunsAndSucceeds()
    {
        var client = fixture.Host.Services.GetRequiredService<IBackgroundJobClient>();
        var marker = Guid.NewGuid().ToString("N");
        var ran = RecordingJob.Expect(marker);

        var jobId = client.Enqueue(() => RecordingJob.Run(marker));

        var completed = await Task.WhenAny(ran, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(ran, completed);
        Assert.Equal(marker, await ran);
        var storage = fixture.Host.Services.GetRequiredService<JobStorage>();
        var state = await WaitForFinalStateAsync(storage, jobId);
        Assert.Equal("Succeeded", state);
    }

    private static async Task<string?> WaitForFinalStateAsync(JobStorage storage, string jobId)
    {
        // The worker records "Succeeded" just after the method returns.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var connection = storage.GetConnection();
            var state = connection.GetStateData(jobId)?.Name;
            if (state is "Succeeded" or "Failed")
            {
                return state;
            }
            await Task.Delay(100);
        }
        return null;
    }
}

/// <summary>A job the test can await.</summary>
public static class RecordingJob
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> s_waiting = new();

    public static Task<string> Expect(string marker) =>
        s_waiting.GetOrAdd(marker, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Run(string marker)
    {
        if (s_waiting.TryGetValue(marker, out var waiting))
        {
            waiting.TrySetResult(marker);
        }
    }
}
