using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Engine;

/// <summary>The Hangfire job that settles one call activity (see <see cref="CalledProcesses"/>).</summary>
internal sealed class SettleCalledProcessJob(CalledProcesses calls)
{
    public Task RunAsync(string callId, CancellationToken cancellationToken) => calls.SettleAsync(callId, cancellationToken);
}
