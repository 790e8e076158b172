namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>Facts about other processes read from Linux's /proc.</summary>
internal static class ProcessIdentity
{
    /// <summary>The process start time (field 22 of /proc/PID/stat), or null when no such process runs.</summary>
    public static string? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return afterName.Length > 19 ? afterName[19] : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="pid"/> is a running (not zombie) PostgreSQL server process.</summary>
    public static bool IsPostgres(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ..."; a killed server can linger as a zombie until reaped.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var name = stat[(open + 1)..close];
            var state = stat[close + 2];
            return name is "postgres" or "postmaster" && state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the process's working directory is <paramref name="directory"/> (a PostgreSQL server works in its
    /// data directory), or when that cannot be read; false for a recycled pid that now runs another server.
    /// </summary>
    public static bool WorksIn(int pid, string directory)
    {
        try
        {
            var cwd = new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            return cwd is null || Path.TrimEndingDirectorySeparator(cwd) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    public static bool IsRoot => Environment.UserName == "root";
}
