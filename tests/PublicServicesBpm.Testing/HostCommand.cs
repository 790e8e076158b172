using System.Diagnostics;

namespace PublicServicesBpm.Testing;

/// <summary>Runs the built host binary with a command line, as an operator would (<c>dotnet PublicServicesBpm.Host.dll …</c>).</summary>
public static class HostCommand
{
    /// <summary>The exit code and everything the process printed (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var (exitCode, output, errors) = await RunSeparatelyAsync(arguments);
        return (exitCode, output + errors);
    }

    /// <summary>The exit code, standard output (a command's result) and standard error (its logs) apart.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunSeparatelyAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PublicServicesBpm.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
