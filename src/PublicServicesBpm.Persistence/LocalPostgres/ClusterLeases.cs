using System.Globalization;

namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>
/// One file per process using the cluster, named by its process id and holding the process start time
/// (so a recycled process id does not count as a live user). The last live user stops the server.
/// </summary>
internal sealed class ClusterLeases(string directory)
{
    public void Take()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(OwnFile, ProcessIdentity.StartTimeOf(Environment.ProcessId) ?? string.Empty);
    }

    public void Release() => File.Delete(OwnFile);

    /// <summary>Other processes that hold a lease and are still alive; stale leases are removed on the way.</summary>
    public int CountOtherLiveUsers()
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }
        var live = 0;
        foreach (var file in Directory.GetFiles(directory))
        {
            if (!int.TryParse(Path.GetFileName(file), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            var recorded = File.ReadAllText(file);
            if (ProcessIdentity.StartTimeOf(pid) is { } startTime && startTime == recorded)
            {
                live++;
            }
            else
            {
                File.Delete(file);
            }
        }
        return live;
    }

    private string OwnFile => Path.Combine(directory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
}
