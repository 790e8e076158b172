namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>A slip template that cannot be used: every problem found, each naming the file and the JSON path.</summary>
internal sealed class SlipTemplateException(IReadOnlyList<string> problems)
    : Exception("The slip template is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
