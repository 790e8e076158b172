namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>
/// An exclusive lock on a file beside the cluster, so that two processes starting, joining or stopping the
/// same cluster take turns. .NET takes an advisory flock for FileShare.None on Unix; the kernel releases it
/// when the process dies, so a crash never leaves the lock held.
/// </summary>
internal sealed class ClusterLock : IDisposable
{
    private static readonly TimeSpan s_retryInterval = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _file;

    private ClusterLock(FileStream file) => _file = file;

    public static async Task<ClusterLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new ClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process holds the lock while it starts or stops the server: wait for it.
                await Task.Delay(s_retryInterval, cancellationToken);
            }
            catch (IOException exception)
            {
                throw new LocalPostgresException($"Another process has held {path} for more than {timeout.TotalSeconds:0} s; is it stuck?", exception);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
