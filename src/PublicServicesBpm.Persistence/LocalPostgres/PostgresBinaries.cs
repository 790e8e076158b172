namespace PublicServicesBpm.Persistence.LocalPostgres;

/// <summary>The folder holding the PostgreSQL server programs (initdb, pg_ctl, postgres) and their major version.</summary>
public sealed record PostgresBinaries(string Directory, int MajorVersion)
{
    /// <summary>The oldest PostgreSQL the project supports (what Debian 12 ships).</summary>
    public const int MinimumMajorVersion = 15;

    private static readonly string[] s_required = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Finds the server programs: first on PATH, then the highest version under /usr/lib/postgresql/*/bin
    /// (where Debian and Ubuntu put them). Throws a <see cref="LocalPostgresException"/> naming the package to install.
    /// </summary>
    public static Task<PostgresBinaries> LocateAsync(CancellationToken cancellationToken) =>
        LocateAsync(Environment.GetEnvironmentVariable("PATH") ?? string.Empty, "/usr/lib/postgresql", cancellationToken);

    internal static async Task<PostgresBinaries> LocateAsync(string searchPath, string debianRoot, CancellationToken cancellationToken)
    {
        PostgresBinaries? tooOld = null;
        foreach (var candidate in Candidates(searchPath, debianRoot))
        {
            if (s_required.All(program => File.Exists(Path.Combine(candidate, program))))
            {
                var version = await ReadMajorVersionAsync(Path.Combine(candidate, "initdb"), cancellationToken);
                if (version >= MinimumMajorVersion)
                {
                    return new PostgresBinaries(candidate, version);
                }
                tooOld ??= new PostgresBinaries(candidate, version);
            }
        }
        if (tooOld is not null)
        {
            throw new LocalPostgresException(
                $"PostgreSQL {tooOld.MajorVersion} was found in {tooOld.Directory}, but {MinimumMajorVersion} or newer is needed. "
                + "Install a newer PostgreSQL server (e.g. 'apt-get install postgresql'), or set ConnectionStrings:Default.");
        }
        throw new LocalPostgresException(
            "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found on PATH nor under /usr/lib/postgresql/*/bin. "
            + "Install the PostgreSQL server, e.g. 'apt-get install postgresql' (Debian/Ubuntu, package postgresql-15 or newer), "
            + "or set ConnectionStrings:Default to an existing PostgreSQL server.");
    }

    private static IEnumerable<string> Candidates(string searchPath, string debianRoot)
    {
        foreach (var entry in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(entry, "initdb");
            // Follow symbolic links so that pg_ctl and postgres are looked up beside the real initdb.
            var real = File.Exists(initdb) ? new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName : null;
            yield return real is null ? entry : Path.GetDirectoryName(real)!;
        }
        if (System.IO.Directory.Exists(debianRoot))
        {
            var versions = System.IO.Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(x => x.Version);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }
    }

    private static async Task<int> ReadMajorVersionAsync(string initdb, CancellationToken cancellationToken)
    {
        // "initdb (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        var result = await OsCommand.RunAsync(initdb, ["--version"], asUser: null, cancellationToken);
        var words = result.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var version = words.Length >= 3 ? words[2] : string.Empty;
        return int.TryParse(version.Split('.')[0], out var major)
            ? major
            : throw new LocalPostgresException($"Could not read the PostgreSQL version from '{initdb} --version': {result.Output.Trim()}");
    }
}
