using PublicServicesBpm.Host.Features.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>
/// The authorization server's keys are made on first start. Test classes start several hosts at once in one process (as
/// a fresh clone's first test run does), so making them must be safe when many callers race for the same files.
/// </summary>
public sealed class ServerKeysTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task LoadOrCreate_ManyCallersAtOnceOnAnEmptyDirectory_AllGetTheSameKeys(int round)
    {
        Assert.True(round > 0);
        var directory = Path.Combine(Path.GetTempPath(), "psb-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var start = new ManualResetEventSlim();
            var callers = Enumerable.Range(0, 32).Select(_ => Task.Run(() =>
            {
                start.Wait();
                return ServerKeys.LoadOrCreate(directory);
            })).ToList();
            start.Set();
            var keys = await Task.WhenAll(callers);

            Assert.Single(keys.Select(k => k.Signing.KeyId).Distinct());
            Assert.Single(keys.Select(k => k.Encryption.KeyId).Distinct());
            Assert.Equal(["encryption-key.pem", "signing-key.pem"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
