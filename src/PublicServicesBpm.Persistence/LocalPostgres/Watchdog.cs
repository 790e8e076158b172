using System.Diagnostics;
using System.Globalization;

namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>
/// For throw-away test clusters: a detached shell that waits for the owning process to end — however it ends,
/// SIGKILL included — then stops the server and deletes the cluster, so an interrupted test run leaves no
/// PostgreSQL process behind.
/// </summary>
internal static class Watchdog
{
    public static void StopAndDeleteWhenProcessExits(int ownerPid, PostgresBinaries binaries, LocalPostgresOptions options, string? runAs)
    {
        var stop = runAs is null
            ? $"{Shell(binaries.PgCtl)} -D {Shell(options.DataDirectory)} -m immediate -w stop"
            : $"runuser -u {runAs} -- {Shell(binaries.PgCtl)} -D {Shell(options.DataDirectory)} -m immediate -w stop";
        var paths = string.Join(' ', new[] { options.DataDirectory, options.LeaseDirectory, options.PasswordFile, options.LockFile, options.PortFile }.Select(Shell));
        var script = string.Create(CultureInfo.InvariantCulture,
            $"exec </dev/null >/dev/null 2>&1; while kill -0 {ownerPid}; do sleep 1; done; if [ -f {Shell(Path.Combine(options.DataDirectory, "postmaster.pid"))} ]; then {stop}; fi; rm -rf {paths}");
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start);
    }

    private static string Shell(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
