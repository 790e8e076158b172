using PublicServicesBpm.Engine.Bpmn;

namespace PublicServicesBpm.Host.Commands;

/// <summary>
/// <c>bpmn validate &lt;file&gt;...</c>: prints, per file, <c>OK</c> (with any warnings) or every error, and exits 1
/// when any file is rejected. Needs no database. Whatever the input, it reports; it does not crash.
/// </summary>
internal static class BpmnValidateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> files, TextWriter output, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            await output.WriteLineAsync("Usage: bpmn validate <file.bpmn> [<file.bpmn> ...]");
            return 64;
        }
        var rejected = 0;
        foreach (var file in files)
        {
            string xml;
            try
            {
                var info = new FileInfo(file);
                if (info.Exists && info.Length > BpmnImporter.MaxCharacters * 4L)
                {
                    throw new IOException($"the file is larger than {BpmnImporter.MaxCharacters:N0} characters allow");
                }
                xml = await File.ReadAllTextAsync(file, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"{file}: cannot read: {exception.Message}");
                rejected++;
                continue;
            }
            var result = BpmnImporter.Import(xml);
            await output.WriteLineAsync(result.IsValid ? $"{file}: OK" : $"{file}: {result.Errors.Count} error(s)");
            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync("  " + problem);
            }
            rejected += result.IsValid ? 0 : 1;
        }
        return rejected == 0 ? 0 : 1;
    }
}
