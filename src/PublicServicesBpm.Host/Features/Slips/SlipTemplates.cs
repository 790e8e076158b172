namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>
/// The slip templates by form number, read from a folder of <c>NN-name.json</c> files (default <c>slips/</c> in the
/// repository root). All files are read and checked together so one start-up reports every broken template.
/// </summary>
internal sealed class SlipTemplates
{
    private readonly IReadOnlyDictionary<string, SlipTemplate> _byForm;

    private SlipTemplates(IReadOnlyDictionary<string, SlipTemplate> byForm) => _byForm = byForm;

    public IReadOnlyCollection<string> Forms => [.. _byForm.Keys];

    /// <summary>The template of a form (01–06).</summary>
    /// <exception cref="SlipTemplateException">No template for that form was loaded.</exception>
    public SlipTemplate For(string form) =>
        _byForm.TryGetValue(form, out var template)
            ? template
            : throw new SlipTemplateException([$"No template for form {form}; the loaded forms are {string.Join(", ", _byForm.Keys.Order(StringComparer.Ordinal))}."]);

    /// <summary>Reads every <c>*.json</c> in <paramref name="directory"/>; each file's name must start with its form number.</summary>
    /// <exception cref="SlipTemplateException">A file is broken, misnamed or a second template for a form, or the folder is missing.</exception>
    public static SlipTemplates Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SlipTemplateException([$"The slip templates folder {directory} does not exist (setting Slips:TemplatesDirectory)."]);
        }
        var problems = new List<string>();
        var byForm = new Dictionary<string, SlipTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                var template = SlipTemplateReader.Read(File.ReadAllText(file), name);
                if (!name.StartsWith(template.Form + "-", StringComparison.Ordinal))
                {
                    problems.Add($"{name}: holds form {template.Form}, so its name must start with '{template.Form}-'.");
                }
                else if (!byForm.TryAdd(template.Form, template))
                {
                    problems.Add($"{name}: a second template for form {template.Form}.");
                }
            }
            catch (SlipTemplateException exception)
            {
                problems.AddRange(exception.Problems);
            }
        }
        if (problems.Count > 0)
        {
            throw new SlipTemplateException(problems);
        }
        return new SlipTemplates(byForm);
    }
}
