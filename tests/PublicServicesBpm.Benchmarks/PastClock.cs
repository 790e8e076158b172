namespace PublicServicesBpm.Benchmarks;

/// <summary>The system clock set back by a fixed amount: instances started with it wait in timers that are due now.</summary>
internal sealed class PastClock(TimeSpan back) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() - back;
}
