using System.Text.RegularExpressions;
using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Reads <c>multiInstanceLoopCharacteristics</c> with psb:collection and psb:elementVariable.</summary>
internal static partial class MultiInstanceReader
{
    private static readonly string[] Hosts = ["userTask", "callActivity", "subProcess"];

    public static MultiInstance? Read(XElement activity, string id, ImportSession session)
    {
        var element = activity.Element(BpmnNames.Bpmn("multiInstanceLoopCharacteristics"));
        if (element is null)
        {
            return null;
        }

        var type = activity.Name.LocalName;
        var problems = session.Problems;
        if (!Hosts.Contains(type))
        {
            problems.Error(BpmnRules.MultiInstance, id, type, "Multi-instance is supported on userTask, callActivity and subProcess only.");
        }

        foreach (var child in element.Elements().Where(c => c.Name.Namespace == BpmnNames.Model))
        {
            if (child.Name.LocalName is not ("completionCondition" or "documentation" or "extensionElements"))
            {
                problems.Error(BpmnRules.MultiInstance, id, type,
                    $"'{child.Name.LocalName}' in multi-instance is not supported; use psb:collection and psb:elementVariable.");
            }
        }

        var psb = new PsbAttributes(element, type, problems, id);
        psb.CheckPlacement("collection", "elementVariable");
        var collection = psb.Expression("collection");
        if (collection is null)
        {
            problems.Error(BpmnRules.MultiInstance, id, type, "Multi-instance needs psb:collection: the FEEL list to iterate.");
        }

        var variable = psb.Text("elementVariable");
        if (variable is null)
        {
            problems.Warning(BpmnRules.MultiInstance, id, type, "Multi-instance without psb:elementVariable: the instances cannot tell their item apart.");
        }
        else if (!Identifier().IsMatch(variable))
        {
            psb.Invalid("elementVariable", $"must be a variable name (letters, digits, '_'), not '{variable}'");
        }

        return new MultiInstance(
            element.Attribute("isSequential")?.Value.Trim() == "true",
            collection ?? new ExpressionText(string.Empty),
            variable,
            Condition(element, id, type, problems));
    }

    private static ExpressionText? Condition(XElement element, string id, string type, ProblemList problems)
    {
        var condition = element.Element(BpmnNames.Bpmn("completionCondition"));
        if (condition is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(condition.Value))
        {
            problems.Error(BpmnRules.Condition, id, type, "The multi-instance completionCondition is empty.");
            return null;
        }

        return new ExpressionText(condition.Value.Trim());
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
