using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads a <c>sequenceFlow</c> and its FEEL condition text (not evaluated here).</summary>
internal static class SequenceFlowReader
{
    public static SequenceFlow? Read(XElement element, string id, ImportSession session)
    {
        var problems = session.Problems;
        var source = element.Attribute("sourceRef")?.Value.Trim();
        var target = element.Attribute("targetRef")?.Value.Trim();
        if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target))
        {
            problems.Error(BpmnRules.FlowReference, id, "sequenceFlow", "A sequence flow needs both sourceRef and targetRef.");
            return null;
        }

        session.CheckChildren(element, id, "conditionExpression");
        return new SequenceFlow(id, EventReader.Name(element), source, target, Condition(element, id, problems));
    }

    private static ExpressionText? Condition(XElement element, string id, ProblemList problems)
    {
        var condition = element.Element(BpmnNames.Bpmn("conditionExpression"));
        if (condition is null)
        {
            return null;
        }

        var text = condition.Value.Trim();
        var language = condition.Attribute("language")?.Value;
        if (text.Length == 0 || text == "=")
        {
            problems.Error(BpmnRules.Condition, id, "sequenceFlow", "The condition expression is empty.");
        }
        else if (language is not null && !language.Contains("feel", StringComparison.OrdinalIgnoreCase))
        {
            problems.Error(BpmnRules.Condition, id, "sequenceFlow", $"Conditions must be FEEL; language '{language}' is not supported.");
        }
        else if (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal))
        {
            problems.Error(BpmnRules.Condition, id, "sequenceFlow",
                $"'{text}' looks like a JUEL expression (Camunda 7); write FEEL instead, e.g. '=approved = true'.");
        }

        return new ExpressionText(text);
    }
}
