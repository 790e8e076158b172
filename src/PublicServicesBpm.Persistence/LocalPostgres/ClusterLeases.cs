using System.Globalization;

namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>
/// One file per user of the cluster, named "&lt;process id&gt;.&lt;random id&gt;" and holding the process start time (so a
/// recycled process id does not count as a live user). The last live user stops the server.
/// </summary>
internal sealed class ClusterLeases(string directory)
{
    private readonly string _ownName = $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}";

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
            var name = Path.GetFileName(file);
            if (name == _ownName || !int.TryParse(name.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
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

    private string OwnFile => Path.Combine(directory, _ownName);
}
