namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Collects problems in discovery order so that every problem is reported, not just the first.</summary>
internal sealed class ProblemList
{
    private readonly List<BpmnProblem> _problems = [];

    public IReadOnlyList<BpmnProblem> Items => _problems;

    public void Error(string code, string? elementId, string elementType, string message) =>
        _problems.Add(new BpmnProblem(elementId, elementType, message, BpmnProblemSeverity.Error, code));

    public void Warning(string code, string? elementId, string elementType, string message) =>
        _problems.Add(new BpmnProblem(elementId, elementType, message, BpmnProblemSeverity.Warning, code));

    public void AddRange(IEnumerable<BpmnProblem> problems) => _problems.AddRange(problems);
}
