using System.Runtime.Versioning;

// The integration tests drive a local PostgreSQL cluster through Linux's /proc, runuser and file modes.
[assembly: SupportedOSPlatform("linux")]
